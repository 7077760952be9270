"""The services' name for the store's hold of the cyclic collector (`store.collection`: the store's own bulk reads
hold it too)."""

from kam_desktop.store.collection import collection_held

__all__ = ["collection_held"]
