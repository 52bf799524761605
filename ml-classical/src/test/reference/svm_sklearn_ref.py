"""Prints the scikit-learn reference numbers pasted into the svm and linear-svm tests.

Run from ml-classical/ with Debian's scikit-learn 1.2.1 (apt-get install python3-sklearn):
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; /usr/bin/python3 src/test/reference/svm_sklearn_ref.py
Class labels are encoded in sorted order (as LabelEncoder does); "standardised" means
(x - mean) / population std over the rows named, as StandardScaler does.
"""
import csv
import sys

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC


def read(name):
    with open(f"../datasets/{name}.csv") as f:
        rows = list(csv.reader(f))
    x = np.array([[float(v) for v in r[:-1]] for r in rows[1:]])
    labels = sorted({r[-1] for r in rows[1:]})
    y = np.array([labels.index(r[-1]) for r in rows[1:]])
    return x, y


def standardise(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def show(title, value):
    print(f"# {title}")
    print(np.array2string(np.asarray(value), precision=17, separator=", ", max_line_width=160,
                          floatmode="unique", threshold=100000))


np.set_printoptions(floatmode="unique")
print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
what = sys.argv[1] if len(sys.argv) > 1 else "all"

x, y = read("iris")
small = np.arange(0, 150, 5)  # 30 rows, 10 per class
xs, ys = standardise(x[small]), y[small]
rows = [0, 7, 12, 19, 25, 29]
if what in ("all", "exact"):
    for kernel, extra in [("rbf", {}), ("linear", {}), ("poly", {"coef0": 1.0}), ("sigmoid", {"coef0": 0.5, "gamma": 0.1}),
                          ("rbf", {"gamma": "auto", "C": 10.0})]:
        m = SVC(kernel=kernel, **extra).fit(xs, ys)
        print(f"## iris rows 0,5,..,145 standardised: SVC(kernel={kernel!r}, {extra})")
        show("n_support_", m.n_support_)
        show("support_", m.support_)
        show("dual_coef_", m.dual_coef_)
        show("intercept_", m.intercept_)
        show("_gamma", m._gamma)
        show(f"decision_function ovo rows {rows}", SVC(kernel=kernel, decision_function_shape="ovo", **extra).fit(xs, ys)
             .decision_function(xs[rows]))
        show(f"decision_function ovr rows {rows}", m.decision_function(xs[rows]))
        show("predict all", m.predict(xs))
        show("n_iter_", m.n_iter_)

    binary = np.arange(50, 150, 2)  # versicolor vs virginica, 50 rows
    xb, yb = standardise(x[binary]), y[binary] - 1
    m = SVC().fit(xb, yb)
    print("## iris rows 50,52,..,148 (versicolor=0, virginica=1) standardised: SVC()")
    show("n_support_", m.n_support_)
    show("support_", m.support_)
    show("dual_coef_", m.dual_coef_)
    show("intercept_", m.intercept_)
    show(f"decision_function rows {rows}", m.decision_function(xb[rows]))
    show("predict all", m.predict(xb))

    xw, yw = read("wine")
    xw = standardise(xw)
    for loss in ["hinge", "squared_hinge"]:
        m = LinearSVC(loss=loss, C=1.0, tol=1e-10, max_iter=1000000).fit(xw, yw)
        print(f"## wine standardised: LinearSVC(loss={loss!r}, C=1.0, tol=1e-10, max_iter=1000000)")
        show("coef_", m.coef_)
        show("intercept_", m.intercept_)
    m = LinearSVC(loss="hinge", C=1.0, tol=1e-10, max_iter=1000000, fit_intercept=False).fit(xw, yw)
    print("## wine standardised: LinearSVC(loss='hinge', C=1.0, tol=1e-10, max_iter=1000000, fit_intercept=False)")
    show("coef_", m.coef_)
    xc, yc = read("breast_cancer")
    xc = standardise(xc)
    m = LinearSVC(loss="hinge", C=0.1, tol=1e-10, max_iter=1000000).fit(xc, yc)
    print("## breast cancer standardised: LinearSVC(loss='hinge', C=0.1, tol=1e-10, max_iter=1000000)")
    show("coef_", m.coef_)
    show("intercept_", m.intercept_)

if what in ("all", "cv"):
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    for name in ["iris", "wine", "breast_cancer", "digits"]:
        xd, yd = read(name)
        print(f"## {name}: 5-fold CV accuracy, standardised in each fold, StratifiedKFold(5, shuffle=True, random_state=0)")
        for label, model in [("SVC rbf", SVC()), ("SVC linear", SVC(kernel="linear")),
                             ("LinearSVC hinge", LinearSVC(loss="hinge", max_iter=1000)),
                             ("LinearSVC squared_hinge", LinearSVC(max_iter=1000))]:
            scores = cross_val_score(make_pipeline(StandardScaler(), model), xd, yd, cv=cv)
            correct = round(sum(score * len(test) for score, (_, test) in zip(scores, cv.split(xd, yd))))
            print(f"{label}: mean accuracy {scores.mean():.4f}, {correct} of {len(yd)} rows correct")
