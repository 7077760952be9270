"""The cyclic collector is held off inside `collection_held` and comes back as it was, also when holds overlap."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from kam_desktop.services.bulk import collection_held


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


def test_the_collector_is_off_inside_and_back_after_also_after_an_error() -> None:
    gc.enable()
    with collection_held():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_held():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_nested_holds_put_it_back_only_when_the_last_one_leaves() -> None:
    gc.enable()
    with collection_held():
        with collection_held():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collection_held():
        pass
    assert not gc.isenabled()


def test_overlapping_holds_on_two_threads_leave_it_on() -> None:
    gc.enable()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collection_held():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with collection_held():
        release.set()  # the other thread leaves first, while this hold still runs
        thread.join(5)
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_cycle_made_during_a_hold_is_collected_after_it() -> None:
    import weakref

    class Node:
        other: object = None

    gc.enable()
    with collection_held():
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None  # held: nothing collects the cycle
    gc.collect()
    assert gone() is None
