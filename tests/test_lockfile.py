"""Issue 15 item 14: the Docker image installs exact, hash-checked versions (requirements.lock),
and the lock says what pyproject.toml says. When this fails after a dependency was added or
changed in pyproject.toml, run `bash .ci/lock` and commit requirements.lock."""

from __future__ import annotations

from packaging.utils import canonicalize_name

from tests.lockfile import DIGEST_LINE, LOCK, ROOT, dependencies, digest, pins

FIX = "requirements.lock does not match pyproject.toml: run `bash .ci/lock` and commit the result"


def test_the_lock_was_made_from_the_dependencies_of_pyproject() -> None:
    first = LOCK.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(DIGEST_LINE), FIX
    assert first.removeprefix(DIGEST_LINE) == digest(dependencies()), FIX


def test_every_dependency_is_pinned_within_its_bounds_with_hashes() -> None:
    locked = pins(LOCK.read_text(encoding="utf-8"))
    wrong = []
    for requirement in dependencies():
        name = canonicalize_name(requirement.name)
        if name not in locked:
            wrong.append(f"{requirement}: not in the lock")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            wrong.append(f"{requirement}: the lock pins {locked[name][0]}")
    assert not wrong, f"{FIX}\n" + "\n".join(wrong)
    unhashed = [name for name, (_version, hashes) in locked.items() if hashes == 0]
    assert not unhashed, f"{FIX}; pinned without a hash: {unhashed}"
    assert len(locked) > len(dependencies())  # their own dependencies are pinned too


def test_the_image_installs_from_the_lock_with_hashes_required() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "pip install --no-cache-dir --require-hashes -r requirements.lock" in dockerfile
    assert "--no-deps" in dockerfile  # the project itself adds nothing unpinned
