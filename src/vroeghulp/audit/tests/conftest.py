"""Each audit test keeps its checkpoints in its own directory, never in the project's var/."""

import pytest


@pytest.fixture(autouse=True)
def checkpoint_dir(tmp_path, settings):
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.AUDIT_CHECKPOINT_DIR
