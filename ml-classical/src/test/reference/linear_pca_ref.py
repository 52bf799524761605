"""Prints the scikit-learn reference numbers pasted into the PCA and linear-model tests.

Run from ml-classical/ with Debian's scikit-learn 1.2.1 (apt-get install python3-sklearn):
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; /usr/bin/python3 src/test/reference/linear_pca_ref.py
Features are standardised with the population standard deviation (as StandardScaler does) over the
whole file where the test says so; targets are never scaled.
"""
import csv

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.decomposition import PCA
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, Ridge


def read(name):
    with open(f"../datasets/{name}.csv") as f:
        rows = list(csv.reader(f))
    x = np.array([[float(v) for v in r[:-1]] for r in rows[1:]])
    y = np.array([r[-1] for r in rows[1:]])
    return x, y


def standardise(x):
    return (x - x.mean(axis=0)) / x.std(axis=0)


def show(title, value):
    print(f"# {title}")
    print(np.array2string(np.asarray(value, dtype=float), precision=17, separator=", ", max_line_width=200,
                          floatmode="unique", threshold=100000))


print("scikit-learn", sklearn.__version__, "numpy", np.__version__)

# --- PCA ---
digits, _ = read("digits")
assert np.array_equal(digits, datasets.load_digits().data)
p = PCA().fit(digits)
show("PCA().fit(digits).explained_variance_ratio_[:5]", p.explained_variance_ratio_[:5])
show("PCA().fit(digits).explained_variance_[:5]", p.explained_variance_[:5])
show("PCA().fit(digits).singular_values_[:5]", p.singular_values_[:5])
for f in (0.5, 0.8, 0.9, 0.95):
    print(f"# PCA({f}).fit(digits).n_components_ =", PCA(f).fit(digits).n_components_)

iris, _ = read("iris")
p = PCA().fit(iris)
show("PCA().fit(iris).components_", p.components_)
show("PCA().fit(iris).explained_variance_", p.explained_variance_)
show("PCA().fit(iris).explained_variance_ratio_", p.explained_variance_ratio_)
show("PCA().fit(iris).singular_values_", p.singular_values_)
show("PCA().fit(iris).mean_", p.mean_)
show("PCA(2).fit(iris).transform(iris[[0, 50, 100]])", PCA(2).fit(iris).transform(iris[[0, 50, 100]]))
show("PCA(2, whiten=True).fit(iris).transform(iris[[0, 50, 100]])",
     PCA(2, whiten=True).fit(iris).transform(iris[[0, 50, 100]]))
for f in (0.9, 0.95, 0.99):
    print(f"# PCA({f}).fit(iris).n_components_ =", PCA(f).fit(iris).n_components_)

wine, _ = read("wine")
p = PCA(3).fit(wine)
show("PCA(3).fit(wine).components_", p.components_)
show("PCA(3).fit(wine).explained_variance_ratio_", p.explained_variance_ratio_)

# --- least squares on diabetes (unscaled, as load_diabetes(scaled=False)) ---
x, y = read("diabetes")
y = y.astype(float)
xs, ys = datasets.load_diabetes(return_X_y=True, scaled=False)
assert np.array_equal(x, xs) and np.array_equal(y, ys)
lr = LinearRegression().fit(x, y)
show("LinearRegression().fit(diabetes).coef_", lr.coef_)
print("# intercept_, score", repr(lr.intercept_), repr(lr.score(x, y)))
lr0 = LinearRegression(fit_intercept=False).fit(x, y)
show("LinearRegression(fit_intercept=False).fit(diabetes).coef_", lr0.coef_)

# A duplicated column (bmi, index 2, appended as column 10): the minimum-norm least-squares solution
# of the centred problem, by numpy.linalg.lstsq (rcond=None), and sklearn's answer.
xd = np.column_stack([x, x[:, 2]])
xc, yc = xd - xd.mean(axis=0), y - y.mean()
w, _, rank, _ = np.linalg.lstsq(xc, yc, rcond=None)
show("numpy.linalg.lstsq(centred diabetes + duplicated bmi, centred y)", w)
print("# rank", rank, "intercept", repr(y.mean() - xd.mean(axis=0) @ w))
show("LinearRegression().fit(diabetes + duplicated bmi).coef_", LinearRegression().fit(xd, y).coef_)

# --- penalised regressions on diabetes with standardised features ---
z = standardise(x)
for a in (0.1, 1.0, 10.0):
    r = Ridge(alpha=a).fit(z, y)
    show(f"Ridge(alpha={a}).fit(standardised diabetes).coef_", r.coef_)
    print("# intercept_", repr(r.intercept_))
for a in (0.1, 1.0, 10.0):
    r = Lasso(alpha=a).fit(z, y)
    show(f"Lasso(alpha={a}).fit(standardised diabetes).coef_", r.coef_)
    print("# intercept_", repr(r.intercept_), "n_iter_", r.n_iter_, "dual_gap_", repr(r.dual_gap_))
for a, l1 in ((0.1, 0.5), (1.0, 0.5), (0.5, 0.9)):
    r = ElasticNet(alpha=a, l1_ratio=l1).fit(z, y)
    show(f"ElasticNet(alpha={a}, l1_ratio={l1}).fit(standardised diabetes).coef_", r.coef_)
    print("# intercept_", repr(r.intercept_), "n_iter_", r.n_iter_, "dual_gap_", repr(r.dual_gap_))
