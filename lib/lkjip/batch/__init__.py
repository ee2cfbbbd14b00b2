"""Batch builds of whole cities: two phases, parallel warm workers, manifest, status page, recap."""
