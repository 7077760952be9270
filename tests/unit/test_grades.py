"""Grades: percentile ranking, downgrade grace, overrides, and the explanation of each result."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.grades import (
    AccountKind,
    Cutoffs,
    Grade,
    GradeConfigError,
    GradeOverride,
    GradeRules,
    GradeState,
    ProgramTerms,
    apply_grace,
    basis_for_next_grade,
    evaluate_columns,
    rank_columns,
)
from tests import grading_reference as reference

from .builders import bases, d, evaluate, rank_accounts

# Ten accounts, worked by hand (N = 10):
#   A 1000 rank 1  p 0.1 ≤ 0.10 → L1
#   B  900 rank 2  p 0.2 ≤ 0.30 → L2
#   C  800 rank 3  p 0.3 ≤ 0.30 → L2   (C and D tie: both rank 3)
#   D  800 rank 3  p 0.3        → L2
#   E  600 rank 5  p 0.5 ≤ 0.60 → L3   (rank 5, not 4: two accounts share rank 3)
#   F  500 rank 6  p 0.6 ≤ 0.60 → L3
#   G  400 rank 7  p 0.7        → L4
#   H  300 rank 8               → L4
#   I    0 rank 9  basis ≤ 0    → L4
#   J  −50 rank 10 basis ≤ 0    → L4
TEN = bases(A=1000, B=900, C=800, D=800, E=600, F=500, G=400, H=300, I=0, J=-50)


def test_ten_accounts_are_ranked_and_graded_as_worked_by_hand() -> None:
    ranking = rank_accounts(TEN)
    assert {a: r.rank for a, r in ranking.items()} == {
        "A": 1, "B": 2, "C": 3, "D": 3, "E": 5, "F": 6, "G": 7, "H": 8, "I": 9, "J": 10,
    }
    assert {a: r.grade for a, r in ranking.items()} == {
        "A": Grade.L1, "B": Grade.L2, "C": Grade.L2, "D": Grade.L2, "E": Grade.L3,
        "F": Grade.L3, "G": Grade.L4, "H": Grade.L4, "I": Grade.L4, "J": Grade.L4,
    }


def test_each_ranking_carries_its_inputs() -> None:
    e = rank_accounts(TEN)["E"]
    assert (e.basis, e.rank, e.population, e.percentile, e.cutoff) == (
        Decimal(600), 5, 10, Decimal("0.5000"), Decimal("0.60"),
    )
    assert rank_accounts(TEN)["G"].cutoff is None


def test_a_boundary_percentile_is_decided_exactly() -> None:
    # N = 20: rank 2 gives p = 2/20 = 0.10 exactly → L1; rank 3 gives 0.15 → L2.
    twenty = {f"X{i:02}": Decimal(100 - i) for i in range(20)}
    ranking = rank_accounts(twenty)
    assert ranking["X01"].grade is Grade.L1
    assert ranking["X02"].grade is Grade.L2


def test_three_accounts_have_no_l1_because_one_third_is_above_ten_percent() -> None:
    # p = 1/3 ≈ 0.333 > 0.30 → L3; 2/3 and 3/3 > 0.60 → L4. The rule is the rule, even in tiny portfolios.
    ranking = rank_accounts(bases(A=300, B=200, C=100))
    assert [ranking[a].grade for a in "ABC"] == [Grade.L3, Grade.L4, Grade.L4]


def test_a_positive_basis_alone_at_the_top_is_l1_only_if_its_percentile_allows() -> None:
    assert rank_accounts(bases(A=1))["A"].grade is Grade.L4  # p = 1/1 = 1.0
    assert rank_accounts(bases(A=1), Cutoffs(Decimal("0.1"), Decimal("0.3"), Decimal("1")))["A"].grade is Grade.L3


def test_no_basis_is_l4_even_at_the_top() -> None:
    # Ten accounts with nothing: all tie at rank 1 (p = 0.1, which would be L1), but a basis ≤ 0 is L4.
    ranking = rank_accounts({f"X{i}": Decimal(0) for i in range(10)})
    assert {r.grade for r in ranking.values()} == {Grade.L4}
    assert {r.rank for r in ranking.values()} == {1}


def test_cutoffs_must_rise() -> None:
    with pytest.raises(GradeConfigError, match="rise strictly"):
        Cutoffs(Decimal("0.3"), Decimal("0.3"), Decimal("0.6"))


def test_a_downgrade_is_held_once_and_the_account_is_at_risk() -> None:
    # B was L1; now computed L2 (rank 2 of 10). Grace 1: held at L1, at risk.
    first = evaluate(TEN, {"B": GradeState(Grade.L1)}, d("2026-03-31"))["B"]
    assert (first.computed_grade, first.effective_grade, first.at_risk, first.held_evaluations) == (
        Grade.L2, Grade.L1, True, 1,
    )
    # Next evaluation, still computed L2: the grace is used up, so B drops to L2.
    second = evaluate(TEN, {"B": first.state}, d("2026-06-30"))["B"]
    assert (second.effective_grade, second.at_risk, second.held_evaluations) == (Grade.L2, False, 0)


def test_recovery_during_grace_clears_the_risk() -> None:
    held = GradeState(Grade.L2, held_evaluations=1)
    result = evaluate(TEN, {"C": held}, d("2026-06-30"))["C"]  # C computes L2 again
    assert (result.effective_grade, result.at_risk, result.held_evaluations) == (Grade.L2, False, 0)


def test_an_upgrade_applies_at_once() -> None:
    result = evaluate(TEN, {"A": GradeState(Grade.L4)}, d("2026-03-31"))["A"]
    assert result.effective_grade is Grade.L1
    assert not result.at_risk


def test_zero_grace_downgrades_at_once() -> None:
    result = evaluate(TEN, {"B": GradeState(Grade.L1)}, d("2026-03-31"), GradeRules(downgrade_grace=0))["B"]
    assert result.effective_grade is Grade.L2


def override(grade: Grade = Grade.L1, expires: str = "2026-12-31") -> GradeOverride:
    return GradeOverride(grade, "strategic framework deal signed", d(expires), "director.nowak", d("2026-01-15"))


def test_a_valid_override_sets_the_grade_and_says_so() -> None:
    result = evaluate(TEN, {}, d("2026-03-31"), overrides={"G": override()})["G"]
    assert (result.computed_grade, result.grade_by_rules, result.effective_grade) == (Grade.L4, Grade.L4, Grade.L1)
    assert result.override is not None
    assert any("manual override to L1 by director.nowak" in line for line in result.why())


def test_an_override_can_also_lower_a_grade_it_is_not_a_floor() -> None:
    result = evaluate(TEN, {}, d("2026-03-31"), overrides={"A": override(Grade.L3)})["A"]
    assert result.effective_grade is Grade.L3


def test_an_expired_override_is_ignored_and_reported() -> None:
    result = evaluate(TEN, {}, d("2027-01-01"), overrides={"G": override(expires="2026-12-31")})["G"]
    assert result.effective_grade is Grade.L4
    assert result.override is None and result.override_expired
    assert "a manual override had expired and was ignored" in result.why()


def test_an_override_needs_a_reason() -> None:
    with pytest.raises(GradeConfigError, match="reason"):
        GradeOverride(Grade.L1, "  ", d("2026-12-31"), "director.nowak", d("2026-01-01"))


def test_why_explains_rank_cutoff_and_grace() -> None:
    result = evaluate(TEN, {"B": GradeState(Grade.L1)}, d("2026-03-31"))["B"]
    assert result.why() == (
        "basis 900 ranks 2 of 10 (p = 0.2000)",
        "p ≤ cut-off 0.30, so computed grade L2",
        "lower than the previous grade L1: held (1 evaluation(s) of grace used), account at risk",
    )


def test_partners_see_named_grades_and_terms_are_versioned() -> None:
    new = ProgramTerms(version=2, valid_from=d("2026-01-01"))
    assert new.name_of(Grade.L2, AccountKind.PARTNER) == "Gold"
    assert new.name_of(Grade.L2) == "L2"


def test_the_basis_that_earns_the_next_grade() -> None:
    ranking = rank_accounts(TEN)

    def needed(code: str) -> Decimal | None:
        r = ranking[code]
        return basis_for_next_grade(r.grade, r.population, (b for a, b in TEN.items() if a != code), Cutoffs())

    assert needed("B") == Decimal(1000)  # B (900, L2) needs rank 1 for L1: a tie with A at 1000
    assert needed("E") == Decimal(800)  # E (600, L3) needs rank ≤ 3 for L2: a tie with C and D at 800
    assert needed("A") is None  # L1 is the top


amounts = st.decimals(min_value=-1000, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
portfolios = st.dictionaries(st.text("ABCDEFGHIJKLMNOP", min_size=1, max_size=3), amounts, min_size=1, max_size=40)
grades = st.sampled_from(list(Grade))


@given(portfolios, st.data(), st.decimals(min_value="0.01", max_value=50_000, places=2))
def test_more_revenue_never_gives_a_worse_computed_grade(
    portfolio: dict[str, Decimal], data: st.DataObject, extra: Decimal
) -> None:
    account = data.draw(st.sampled_from(sorted(portfolio)))
    richer = {**portfolio, account: portfolio[account] + extra}
    before = rank_accounts(portfolio)[account].grade
    after = rank_accounts(richer)[account].grade
    assert not after.is_worse_than(before)


@given(portfolios, st.data(), st.decimals(min_value="0.01", max_value=50_000, places=2), grades, st.integers(0, 2))
def test_more_revenue_never_gives_a_worse_effective_grade_from_the_same_history(
    portfolio: dict[str, Decimal], data: st.DataObject, extra: Decimal, previous: Grade, held: int
) -> None:
    account = data.draw(st.sampled_from(sorted(portfolio)))
    history = {account: GradeState(previous, held)}
    richer = {**portfolio, account: portfolio[account] + extra}
    before = evaluate(portfolio, history, d("2026-03-31"))[account].effective_grade
    after = evaluate(richer, history, d("2026-03-31"))[account].effective_grade
    assert not after.is_worse_than(before)


@given(portfolios)
def test_ranks_follow_the_definition(portfolio: dict[str, Decimal]) -> None:
    for account, r in rank_accounts(portfolio).items():
        assert r.rank == 1 + sum(1 for other in portfolio.values() if other > portfolio[account])
        assert r.population == len(portfolio)


cutoff_triples = st.tuples(*[st.decimals(min_value="0.01", max_value="1.00", places=2)] * 3).filter(
    lambda t: t[0] < t[1] < t[2])


@given(portfolios, cutoff_triples)
def test_grades_and_cutoffs_follow_the_definition(portfolio: dict[str, Decimal],
                                                  triple: tuple[Decimal, Decimal, Decimal]) -> None:
    cut = Cutoffs(*triple)
    for r in rank_accounts(portfolio, cut).values():
        # the definition read directly: the best grade whose cut-off × N the rank is within; a basis ≤ 0 is L4
        within = [(g, c) for g, c in cut.as_tuple() if r.rank <= c * len(portfolio)]
        grade, cutoff = within[0] if within and r.basis > 0 else (Grade.L4, None)
        assert (r.grade, r.cutoff) == (grade, cutoff)


@given(portfolios, st.data())
def test_every_result_combines_grace_and_overrides_as_defined(portfolio: dict[str, Decimal],
                                                              data: st.DataObject) -> None:
    day = d("2026-03-31")
    history = data.draw(st.dictionaries(st.sampled_from(sorted(portfolio)),
                                        st.builds(GradeState, grades, st.integers(0, 2))))
    overrides = data.draw(st.dictionaries(st.sampled_from(sorted(portfolio)), st.builds(
        GradeOverride, grades, st.just("agreed"), st.sampled_from([d("2026-03-30"), d("2026-03-31"), d("2026-04-30")]),
        st.just("ola"), st.sampled_from([d("2026-01-01"), d("2026-03-30")]))))
    results = evaluate(portfolio, history, day, GradeRules(downgrade_grace=1), overrides)
    for account, r in results.items():
        before, override = history.get(account), overrides.get(account)
        by_rules, at_risk, held = apply_grace(r.ranking.grade, before, 1)
        valid = override if override is not None and override.is_valid_on(day) else None
        assert (r.previous_grade, r.grade_by_rules, r.at_risk, r.held_evaluations) == (
            before.grade if before else None, by_rules, at_risk, held)
        assert (r.effective_grade, r.override) == ((valid.grade, valid) if valid else (by_rules, None))
        assert r.override_expired == (override is not None and valid is None and day > override.expires_on)
        assert (r.account, r.evaluated_on) == (account, day)


@given(portfolios, cutoff_triples)
def test_the_columns_ranked_on_whole_cents_follow_the_definition(portfolio: dict[str, Decimal],
                                                                triple: tuple[Decimal, Decimal, Decimal]) -> None:
    # the plain definition, read directly: rank = 1 + accounts strictly above; the best grade whose cut-off × N the
    # rank is within, L4 for a basis ≤ 0; places by basis descending, ties in the order given
    cut, accounts, values = Cutoffs(*triple), list(portfolio), list(portfolio.values())
    ranked = rank_columns([int(v * 100) for v in values], cut)  # the bases as whole cents, as SQLite gives them
    assert ranked.order == sorted(range(len(values)), key=lambda i: (-values[i], i))
    assert ranked.population == len(values)
    for place, i in enumerate(ranked.order):
        rank = 1 + sum(1 for other in values if other > values[i])
        within = [g for g, c in cut.as_tuple() if rank <= c * len(values)]
        grade = within[0] if within and values[i] > 0 else Grade.L4
        assert (ranked.ranks[place], ranked.grades[place]) == (rank, grade), accounts[i]
    assert ranked.grades_as_given() == [ranked.grades[ranked.order.index(i)] for i in range(len(values))]
    assert rank_columns(values, cut) == ranked  # Decimals rank as their cents do
    plain = reference.rank_accounts(portfolio, cut)  # the ranking as written one object at a time
    assert list(plain) == [accounts[i] for i in ranked.order]
    assert list(rank_accounts(portfolio, cut).values()) == list(plain.values())


@given(portfolios, st.data())
def test_the_evaluation_columns_give_the_results_of_evaluate(portfolio: dict[str, Decimal],
                                                             data: st.DataObject) -> None:
    day = d("2026-03-31")
    history = data.draw(st.dictionaries(st.sampled_from(sorted(portfolio)),
                                        st.builds(GradeState, grades, st.integers(0, 2))))
    overrides = data.draw(st.dictionaries(st.sampled_from(sorted(portfolio)), st.builds(
        GradeOverride, grades, st.just("agreed"), st.sampled_from([d("2026-03-30"), d("2026-04-30")]),
        st.just("ola"), st.sampled_from([d("2026-01-01"), d("2026-03-30")]))))
    accounts, values = list(portfolio), list(portfolio.values())
    columns = evaluate_columns(accounts, values, history, day, GradeRules(), overrides,
                               keys=[int(v * 100) for v in values])
    results = reference.evaluate(portfolio, history, day, GradeRules(), overrides)  # one object at a time
    assert [columns.result(place) for place in range(len(accounts))] == list(results.values())
    assert list(columns.accounts) == list(results)
    assert [columns.effective[p] for p in range(len(accounts))] == [r.effective_grade for r in results.values()]
