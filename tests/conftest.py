"""Test configuration: Hypothesis profiles chosen by HYPOTHESIS_PROFILE.

``default`` runs 100 examples per property; ``ci`` (what ``.ci/run`` sets,
three runs of the suite in one budget) runs 40; ``thorough`` runs 10,000.

The profile also sizes the parametrised sweeps that multiply the letters'
languages by their kinds and layouts (``tests/profiles.py``, ``sweep``):
``default`` and ``thorough`` run every combination; ``ci`` runs a fixed
cover in which every language, every kind and every layout appears at
least once, and every combination of the axes a test names as ``whole``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from profiles import PROFILE

# No deadline and no too_slow check: drawing a whole application history takes
# milliseconds, and a busy CI machine must not turn that into a failure.
settings.register_profile(
    "default",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(PROFILE)
