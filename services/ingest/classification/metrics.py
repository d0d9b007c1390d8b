"""Accuracy, macro-F1 and per-class precision/recall/F1, without scikit-learn (evaluation runs
where only the runtime dependencies are installed)."""

from collections.abc import Sequence
from typing import Any


def classification_report(
    expected: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    if len(expected) != len(predicted):
        raise ValueError("expected and predicted differ in length")
    n = len(expected)
    per_class: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for e, p in zip(expected, predicted, strict=True) if e == label and p == label)
        fp = sum(1 for e, p in zip(expected, predicted, strict=True) if e != label and p == label)
        fn = sum(1 for e, p in zip(expected, predicted, strict=True) if e == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    correct = sum(1 for e, p in zip(expected, predicted, strict=True) if e == p)
    macro = sum(c["f1"] for c in per_class.values()) / len(labels) if labels else 0.0
    return {
        "n": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(macro, 4),
        "per_class": per_class,
    }


def multilabel_report(
    expected: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], labels: Sequence[str]
) -> dict[str, Any]:
    """Per-label precision/recall/F1 over a multi-label set; macro-F1 over labels with support."""
    per_label: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for e, p in zip(expected, predicted, strict=True) if label in e and label in p)
        fp = sum(
            1 for e, p in zip(expected, predicted, strict=True) if label not in e and label in p
        )
        fn = sum(
            1 for e, p in zip(expected, predicted, strict=True) if label in e and label not in p
        )
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
    supported = [v["f1"] for v in per_label.values() if v["support"]]
    exact = sum(1 for e, p in zip(expected, predicted, strict=True) if e == p)
    return {
        "n": len(expected),
        "exact_match": round(exact / len(expected), 4) if expected else 0.0,
        "macro_f1": round(sum(supported) / len(supported), 4) if supported else 0.0,
        "per_label": per_label,
    }
