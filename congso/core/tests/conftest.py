from congso.core.tests.sites import two_sites  # noqa: F401 - fixture for the sites tests
