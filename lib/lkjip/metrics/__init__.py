"""Computations behind every number of the report: capaian, budget, IKM, AKIP, trends, staff."""
