"""Where rule packs are: by name, among the packs shipped with newslint; or by path."""

from __future__ import annotations

from pathlib import Path

SHIPPED_PACK_FOLDERS = (Path(__file__).parent.parent / "packs",  # installed: the wheel puts rules/ there
                        Path(__file__).parent.parent.parent / "rules")  # a source checkout


def find_pack(spec: str, base: Path) -> Path | None:
    """The folder of a pack given by path (relative to base) or by the name of a shipped pack; None if neither."""
    candidate = base / spec
    if candidate.is_dir():
        return candidate
    for shipped in SHIPPED_PACK_FOLDERS:
        if (shipped / spec).is_dir():
            return shipped / spec
    return None


def shipped_packs() -> dict[str, Path]:
    """The packs shipped with newslint, by name."""
    found: dict[str, Path] = {}
    for folder in SHIPPED_PACK_FOLDERS:
        if folder.is_dir():
            for pack in sorted(folder.iterdir()):
                if pack.is_dir() and any(pack.glob("*.toml")):
                    found.setdefault(pack.name, pack)
    return found
