"""What a benchmark run measures, and at which sizes."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, model_validator


class BenchConfig(BaseModel):
    parse_documents: int = Field(default=100, description="Corpus articles for extract-vs-parse and in-process ingest")
    repeats: int = Field(default=2, description="Timed passes of each parse/extract run; the best is kept")
    processes: int = Field(default=2, description="n_process of the parallel parse/extract runs and of ingest growth")
    write_claims: int = Field(default=20_000, description="Synthetic claims written by each writer")
    write_batch: int = Field(default=100, description="Documents per write statement, for both writers")
    growth_claims: list[int] = Field(default=[10_000, 100_000], description="Graph sizes (claims) for query growth")
    api_claims: int = Field(default=100_000, description="Graph size the API is load-tested at; one of growth_claims")
    ingest_documents: list[int] = Field(
        default=[1_000, 0], description="Corpus sizes for ingest growth (0: the whole corpus; examples: replicated)"
    )
    load_seconds: float = Field(default=10.0, description="Duration of each load phase")
    connections: int = Field(default=64, description="Concurrent HTTP connections of the load generator")
    bounded_fraction: float = Field(
        default=0.5, description="Bounded load as a fraction of the measured saturation rate"
    )
    latency_queries: int = Field(default=200, description="Sequential runs of each query per growth size")
    export_growth: bool = Field(default=True, description="Export each growth size to measure its peak memory")

    @model_validator(mode="after")
    def _api_size_is_built(self) -> BenchConfig:
        if self.api_claims not in self.growth_claims:
            raise ValueError(f"api_claims ({self.api_claims}) must be one of growth_claims {self.growth_claims}")
        self.growth_claims = sorted(set(self.growth_claims))
        # 0 (the whole corpus) is the largest
        self.ingest_documents = sorted(set(self.ingest_documents), key=lambda n: (n == 0, n))
        return self


DEFAULT = BenchConfig()
QUICK = BenchConfig(
    parse_documents=5,
    repeats=1,
    write_claims=2_000,
    write_batch=50,
    growth_claims=[1_000, 5_000],
    api_claims=5_000,
    ingest_documents=[5, 20],
    load_seconds=2.0,
    latency_queries=50,
)
FULL = BenchConfig(growth_claims=[10_000, 100_000, 1_000_000])
PRESETS = {"default": DEFAULT, "quick": QUICK, "full": FULL}


class RunContext(BaseModel):
    """Where a run keeps its store and files."""

    home: Path
    out: Path
