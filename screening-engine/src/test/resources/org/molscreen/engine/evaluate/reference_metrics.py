"""Reference values for MetricsReferenceTest, computed with scikit-learn and SciPy (not with molscreen).

Regenerate (Debian 12: apt-get install python3-sklearn; written with scikit-learn 1.2.1, SciPy 1.10.1, NumPy 1.24.2):
    /usr/bin/python3 reference_metrics.py > reference_metrics.txt

Format, one case per block:
    case <name> <classification|regression|enrichment>
    x <values>      scores / predictions (enrichment: scores of actives)
    y <values>      labels / truth, nan = missing (enrichment: scores of decoys)
    <metric> <value>
    end
Values are Python repr() of float64, which Java's Double.parseDouble reads back exactly.
Missing labels are masked here before calling scikit-learn, which has no notion of them.
"""
import math

import numpy as np
import scipy
import sklearn
from scipy.stats import spearmanr
from sklearn.metrics import (average_precision_score, mean_absolute_error, mean_squared_error, r2_score,
                             roc_auc_score)


def fmt(values):
    return " ".join("nan" if math.isnan(v) else repr(float(v)) for v in values)


def emit(name, kind, x, y, metrics):
    print(f"case {name} {kind}")
    print("x " + fmt(x))
    print("y " + fmt(y))
    for key, value in metrics.items():
        print(f"{key} {repr(float(value))}")
    print("end")


def classification(name, scores, labels):
    mask = ~np.isnan(labels)
    s, l = scores[mask], labels[mask]
    emit(name, "classification", scores, labels, {
        "roc_auc": roc_auc_score(l, s),
        "pr_auc": average_precision_score(l, s),
        "n": mask.sum(),
        "positives": (l == 1).sum(),
    })


def regression(name, predicted, truth):
    mask = ~np.isnan(truth)
    p, t = predicted[mask], truth[mask]
    emit(name, "regression", predicted, truth, {
        "rmse": math.sqrt(mean_squared_error(t, p)),
        "mae": mean_absolute_error(t, p),
        "r2": r2_score(t, p),
        "spearman": spearmanr(p, t).correlation,
        "n": mask.sum(),
    })


def enrichment(name, actives, decoys, fractions):
    scores = np.concatenate([actives, decoys])
    is_active = np.concatenate([np.ones(len(actives)), np.zeros(len(decoys))])
    # highest score first; on equal scores decoys (0) before actives (1): the pessimistic tie rule
    order = np.lexsort((is_active, -scores))
    ranked = is_active[order]
    total = len(scores)
    metrics = {"roc_auc": roc_auc_score(is_active, scores)}
    for f in fractions:
        selected = math.ceil(f * total - 1e-9)
        found = ranked[:selected].sum()
        metrics[f"ef {f!r}"] = (found / selected) / (len(actives) / total)
        metrics[f"selected {f!r}"] = selected
        metrics[f"actives_selected {f!r}"] = found
    emit(name, "enrichment", actives, decoys, metrics)


print(f"# scikit-learn {sklearn.__version__}, SciPy {scipy.__version__}, NumPy {np.__version__}")
rng = np.random.default_rng(20240611)

# classification: scores rounded to one decimal, so many ties across classes; 10% labels missing
n = 300
labels = (rng.random(n) < 0.3).astype(float)
scores = np.round(np.clip(0.35 * labels + rng.normal(0.4, 0.25, n), 0, 1), 1)
labels[rng.random(n) < 0.1] = np.nan
classification("ties_and_missing", scores, labels)

# three score levels only: ties dominate
n = 120
labels = (rng.random(n) < 0.5).astype(float)
scores = rng.choice([0.0, 0.5, 1.0], n, p=[0.4, 0.3, 0.3]) * 0.5 + 0.5 * labels * rng.choice([0.0, 1.0], n)
classification("three_levels", scores, labels)

# probabilities to four decimals, rare positives (3%), as a toxicity endpoint
n = 2000
labels = (rng.random(n) < 0.03).astype(float)
scores = np.round(1 / (1 + np.exp(-(rng.normal(0, 1, n) + 1.5 * labels))), 4)
classification("rare_positives", scores, labels)

# regression: predictions rounded to 0.1 (ties in predictions), 10% truth missing
n = 200
truth = rng.normal(6.5, 1.2, n)
predicted = np.round(truth + rng.normal(0, 0.7, n), 1)
truth[rng.random(n) < 0.1] = np.nan
regression("pic50_like", predicted, truth)

# regression: integer truth (ties in truth), a poor model (negative R2)
n = 60
truth = rng.integers(0, 5, n).astype(float)
predicted = rng.normal(2, 3, n)
regression("integer_truth_poor_model", predicted, truth)

# enrichment: actives hidden in decoys, scores rounded so ties straddle the cut
actives = np.round(rng.normal(0.7, 0.15, 40), 2)
decoys = np.round(rng.normal(0.4, 0.15, 3960), 2)
enrichment("actives_in_library", actives, decoys, [0.01, 0.05, 0.1, 0.5])
