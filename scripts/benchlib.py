"""Synthetic knowledge bases for scripts/bench: N realistic runbooks, deterministic."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from hikitsugi.vocabulary import TRANSFER_METHODS as METHODS
from hikitsugi.vocabulary import ZONES

ROLES = [f"post-{i}" for i in range(12)]
WORDS = [
    "学童クラブ",
    "入所申請",
    "就労証明書",
    "基準指数",
    "調整指数",
    "利用調整",
    "決定通知",
    "待機児童",
    "繰上げ",
    "無害化",
    "LGWAN",
    "電子申請",
    "CSV",
    "減免",
    "住民税",
    "名簿",
    "委託先",
    "窓口",
    "郵送",
    "読み合わせ",
    "ダブルチェック",
    "システム",
]


def _text(rng: random.Random, words: int) -> str:
    return "、".join(rng.choice(WORDS) for _ in range(words)) + "を確認する。"


def runbook_yaml(index: int, rng: random.Random, n: int) -> str:
    """Return one runbook of about 4-8 KB, shaped like the sample city's."""
    kind = "tool" if index % 5 == 0 else "process"
    lines = [
        "# yaml-language-server: $schema=../docs/schema/runbook.schema.json",
        f"id: rb-{index:05d}",
        f"title: 業務手順 {index} {rng.choice(WORDS)}の{rng.choice(WORDS)}",
        f"kind: {kind}",
        f"status: {rng.choice(['active'] * 8 + ['draft', 'retired'])}",
        f"summary: {_text(rng, 6)}",
        f"owner: {rng.choice(ROLES)}",
        f"deputies: [{rng.choice(ROLES)}]",
        f"reviewed_on: 20{rng.randint(23, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "review_every: 12 months",
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]",
        f"uses: [rb-{(index // 5) * 5:05d}]" if kind == "process" else "uses: []",
        f"related: [rb-{rng.randrange(n):05d}]",
        "schedule:",
        f'  - {{label: {rng.choice(WORDS)}, from: "{rng.randint(1, 12):02d}-01", until: "{rng.randint(1, 12):02d}-28"}}',
        f"  - {{label: 締切, monthly: {rng.randint(1, 31)}}}",
        "legal_basis:",
        "  - {title: 児童福祉法, article: 第6条の3第2項}",
        "steps:",
    ]
    for step in range(rng.randint(6, 12)):
        source, target = rng.sample(ZONES, 2)
        lines += [
            f"  - id: step-{step}",
            f"    title: {rng.choice(WORDS)}を{rng.choice(['確認', '入力', '送付', '照合'])}する",
            f"    zone: {source}",
            f"    role: {rng.choice(ROLES)}",
            "    detail: |",
            f"      {_text(rng, 12)}",
            f"      - {_text(rng, 5)}",
            f"      - {_text(rng, 5)}",
            f"    check: {_text(rng, 4)}",
        ]
        if step % 3 == 1:
            lines += [f"    caution: {_text(rng, 4)}"]
        if step % 4 == 2:
            lines += [
                f"    transfer: {{from: {source}, to: {target}, method: {rng.choice(METHODS)}}}"
            ]
    lines += [
        "contacts:",
        "  - {name: 運営法人 担当, phone: 000-0000-0000}",
        "accounts:",
        f"  - {{system: 学童クラブ管理システム, holder: {rng.choice(ROLES)}, permission: 更新}}",
        "open_issues:",
        f"  - {{since: 2026-0{rng.randint(1, 9)}-01, text: {_text(rng, 5)}}}",
        "history:",
        "  - {date: 2026-04-01, by: 係長, change: 年度更新}",
    ]
    return "\n".join(lines) + "\n"


def generate_kb(root: Path, n: int, seed: int = 0) -> None:
    """Write a KB of *n* runbooks under *root* (replacing what was there)."""
    if root.exists():
        shutil.rmtree(root)
    (root / "runbooks").mkdir(parents=True)
    rng = random.Random(seed)
    (root / "hikitsugi.yml").write_text("organization: ベンチ市\nlanguage: ja\n", encoding="utf-8")
    roster = ["roles:"] + [f"  - {{id: {r}, title: ポスト {r}}}" for r in ROLES] + ["people:"]
    for i, role in enumerate(ROLES):
        roster += [
            f"  - id: person-{i}",
            f"    name: 職員 {i}",
            "    assignments:",
            f"      - {{role: {role}, from: 2024-04-01, until: 2027-03-31}}",
        ]
    (root / "roster.yml").write_text("\n".join(roster) + "\n", encoding="utf-8")
    for index in range(n):
        folder = root / "runbooks" / f"group-{index // 100:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"rb-{index:05d}.yml").write_text(runbook_yaml(index, rng, n), encoding="utf-8")
