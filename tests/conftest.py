import pytest


@pytest.fixture(scope="session")
def pipeline():
    """The real bundled Arabic pipeline, loaded once for the whole test session."""
    from kg.nlp import default_pipeline

    return default_pipeline()
