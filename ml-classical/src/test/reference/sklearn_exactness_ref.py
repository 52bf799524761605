"""Prints the scikit-learn reference numbers pasted into the ml-classical exactness tests.

Run from ml-classical/ with Debian's scikit-learn (apt-get install python3-sklearn):
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; /usr/bin/python3 src/test/reference/sklearn_exactness_ref.py
Class labels are encoded in sorted order (as LabelEncoder does); features are standardised with the
population standard deviation (as StandardScaler does) over the whole file where the test says so.
"""
import csv

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB


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
    print(np.array2string(np.asarray(value), precision=17, separator=", ", max_line_width=200,
                          floatmode="unique", threshold=100000))


np.set_printoptions(floatmode="unique")
print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
rows = [0, 52, 70, 77, 83, 106, 119, 133, 134]

x, y = read("iris")
xs = standardise(x)
for tol, max_iter in [(1e-4, 100), (1e-10, 10000)]:
    lr = LogisticRegression(C=1.0, tol=tol, max_iter=max_iter).fit(xs, y)
    show(f"iris std LogisticRegression(C=1.0, tol={tol}, max_iter={max_iter}) coef_", lr.coef_)
    show("intercept_", lr.intercept_)
    show("n_iter_", lr.n_iter_)
    show(f"predict_proba rows {rows}", lr.predict_proba(xs[rows]))
lr = LogisticRegression(C=0.1, fit_intercept=False, solver="newton-cg", tol=1e-14, max_iter=10000).fit(xs, y)
show("iris std LogisticRegression(C=0.1, fit_intercept=False, solver='newton-cg', tol=1e-14) coef_", lr.coef_)

gnb = GaussianNB().fit(x, y)
show("iris raw GaussianNB() theta_", gnb.theta_)
show("var_", gnb.var_)
show("class_prior_", gnb.class_prior_)
show("epsilon_", gnb.epsilon_)
show(f"predict_proba rows {rows}", gnb.predict_proba(x[rows]))
gnb = GaussianNB(var_smoothing=0.5).fit(x, y)
show("iris raw GaussianNB(var_smoothing=0.5) var_", gnb.var_)
show(f"predict_proba rows {rows}", gnb.predict_proba(x[rows]))

x, y = read("breast_cancer")
xs = standardise(x)
for tol, max_iter in [(1e-4, 100), (1e-10, 10000)]:
    lr = LogisticRegression(C=1.0, tol=tol, max_iter=max_iter).fit(xs, y)
    show(f"breast_cancer std LogisticRegression(C=1.0, tol={tol}, max_iter={max_iter}) coef_", lr.coef_)
    show("intercept_", lr.intercept_)
    show("n_iter_", lr.n_iter_)
    show("predict_proba rows [0, 19, 20, 40, 68]", lr.predict_proba(xs[[0, 19, 20, 40, 68]]))

# scipy's L-BFGS-B also stops on a relative decrease of the objective below 2.2e-9, so the lbfgs
# figures above are the same for tol=1e-4 and tol=1e-10; newton-cg with a tiny tol gives the optimum
# itself to more digits.
for name in ["iris", "breast_cancer"]:
    x, y = read(name)
    xs = standardise(x)
    lr = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-14, max_iter=10000).fit(xs, y)
    show(f"{name} std LogisticRegression(C=1.0, solver='newton-cg', tol=1e-14) coef_", lr.coef_)
    show("intercept_", lr.intercept_)

# The folds of StratifiedKFold(5, shuffle=True, random_state=0), as in /work/shared/reference/
# classical_ref.py: the fold of each row as one digit per row, and how many rows the reference
# pipelines classify correctly over all five folds.
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cv = StratifiedKFold(5, shuffle=True, random_state=0)
for name in ["iris", "wine"]:
    x, y = read(name)
    fold = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(cv.split(x, y)):
        fold[test] = f
    print(f"# {name} fold of each row")
    print("".join(map(str, fold)))
    for model_name, model in [("make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))",
                               make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))),
                              ("GaussianNB()", GaussianNB())]:
        correct = int((cross_val_predict(model, x, y, cv=cv) == y).sum())
        print(f"# {name} {model_name}: {correct} of {len(y)} correct")
