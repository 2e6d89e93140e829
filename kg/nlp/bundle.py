"""The Stanza model bundle shipped inside the package, and how to find models.

The bundle is a Stanza resources dir (resources.json + ar/<processor>/kg.pt), so
``stanza.Pipeline("ar", dir=BUNDLE, download_method=None)`` loads it with no
network. Users with Stanza's official models point --models or KG_STANZA_DIR
at their stanza_resources instead.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

BUNDLE = Path(__file__).resolve().parent.parent / "models"
PACKAGE = "kg"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
NEEDS_PRETRAIN = ("pos", "depparse", "ner")
CHARLMS = ("forward_charlm", "backward_charlm")
ENV_VAR = "KG_STANZA_DIR"


class ModelsNotFound(RuntimeError):
    """No usable Stanza resources dir: says where we looked and what to do."""


def models_dir(override: str | os.PathLike | None = None) -> Path:
    """The resources dir to load: --models, then $KG_STANZA_DIR, then the bundle."""
    chosen = override or os.environ.get(ENV_VAR) or BUNDLE
    path = Path(chosen).expanduser()
    if not (path / "resources.json").is_file():
        hint = ("rebuild the bundle with `kg models train --data ../shared/data`"
                if path == BUNDLE else f"point --models or {ENV_VAR} at a Stanza resources dir")
        raise ModelsNotFound(f"no resources.json in {path}: {hint}")
    return path


def resources_entry(card: dict | None = None, charlm_users: tuple[str, ...] = ()) -> dict:
    """The resources.json content describing the bundle's processors; the taggers in charlm_users
    were trained with the bundled character LMs and get them as dependencies."""
    ar: dict = {
        "lang_name": "Arabic",
        "packages": {"default": {p: PACKAGE for p in PROCESSORS}},
        "default_processors": {p: PACKAGE for p in PROCESSORS},
        "default_dependencies": {},
        "pretrain": {PACKAGE: {}},
    }
    if charlm_users:
        ar.update({lm: {PACKAGE: {}} for lm in CHARLMS})
    for p in PROCESSORS:
        needs = (("pretrain",) if p in NEEDS_PRETRAIN else ()) + (CHARLMS if p in charlm_users else ())
        deps = [{"model": m, "package": PACKAGE} for m in needs]
        ar[p] = {PACKAGE: {"dependencies": deps} if deps else {}}
    resources = {"ar": ar}
    if card:
        resources["kg_model_card"] = card
    return resources


def write_resources(bundle: Path, card: dict | None = None, charlm_users: tuple[str, ...] = (),
                    resources: dict | None = None) -> Path:
    """Write resources.json: the entry for this bundle, or ``resources`` as given."""
    path = bundle / "resources.json"
    resources = resources or resources_entry(card, charlm_users)
    path.write_text(json.dumps(resources, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def update_card(bundle: Path, **fields) -> None:
    """Change the model card in resources.json, leaving what Stanza reads as it is."""
    resources = json.loads((bundle / "resources.json").read_text(encoding="utf-8"))
    resources.setdefault("kg_model_card", {}).update(fields)
    write_resources(bundle, resources=resources)


def model_files(bundle: Path, charlm: bool | None = None) -> dict[str, Path]:
    """processor -> model file (pretrain included, and the character LMs when the bundle has them:
    charlm=None asks the bundle's resources.json)."""
    if charlm is None:
        resources = bundle / "resources.json"
        charlm = resources.is_file() and CHARLMS[0] in json.loads(resources.read_text(encoding="utf-8"))["ar"]
    names = (*PROCESSORS, "pretrain", *(CHARLMS if charlm else ()))
    return {p: bundle / "ar" / p / f"{PACKAGE}.pt" for p in names}


def bundle_info(bundle: Path | None = None) -> dict:
    """Processors, file sizes, training data and held-out scores, for `kg models info`."""
    bundle = models_dir(bundle)
    resources = json.loads((bundle / "resources.json").read_text(encoding="utf-8"))
    card = resources.get("kg_model_card", {})
    files = {}
    for proc, path in model_files(bundle, charlm=CHARLMS[0] in resources["ar"]).items():
        files[proc] = {"file": str(path.relative_to(bundle)) if path.exists() else None,
                       "bytes": path.stat().st_size if path.exists() else 0}
    return {"dir": str(bundle), "processors": files, "card": card,
            "total_bytes": sum(f["bytes"] for f in files.values())}
