"""Prints the scikit-learn reference numbers pasted into the tests of logistic regression's l1 and
elastic-net penalties, multinomial and Bernoulli naive Bayes, and the cross-validation tests on
breast cancer and digits.

Run from ml-classical/ with Debian's scikit-learn 1.2.1 (apt-get install python3-sklearn):
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; /usr/bin/python3 src/test/reference/penalties_and_discrete_nb_ref.py
Data reading and standardisation as in sklearn_exactness_ref.py.
"""
import csv
import warnings

import numpy as np
import scipy.optimize
import sklearn
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.naive_bayes import BernoulliNB, GaussianNB, MultinomialNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")


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


def optimum(x, y, c, l1_ratio):
    """An independent solution of scikit-learn's objective c·Σ log-loss + ρ‖W‖₁ + (1−ρ)/2 ‖W‖²: the
    weights split as W = U − V with U, V ≥ 0 make it smooth, and L-BFGS-B with bounds solves it to
    a gradient of 1e-12 (binary: one weight row and the sigmoid; else softmax)."""
    classes = y.max() + 1
    rows_w = 1 if classes == 2 else classes
    n, d = x.shape
    onehot = np.eye(classes)[y]

    def f(p):
        u = p[:rows_w * d].reshape(rows_w, d)
        v = p[rows_w * d:2 * rows_w * d].reshape(rows_w, d)
        b = p[2 * rows_w * d:]
        w = u - v
        z = x @ w.T + b
        if rows_w == 1:
            z = z[:, 0]
            loss = np.sum(np.logaddexp(0, z) - y * z)
            r = (1 / (1 + np.exp(-z)) - y)[:, None]
        else:
            lse = logsumexp(z, axis=1)
            loss = np.sum(lse - z[np.arange(n), y])
            r = np.exp(z - lse[:, None]) - onehot
        gw = c * (r.T @ x) + (1 - l1_ratio) * w
        value = c * loss + l1_ratio * np.sum(u + v) + 0.5 * (1 - l1_ratio) * np.sum(w * w)
        grad = np.concatenate([(gw + l1_ratio).ravel(), (-gw + l1_ratio).ravel(), c * r.sum(axis=0)])
        return value, grad

    p0 = np.zeros(2 * rows_w * d + rows_w)
    bounds = [(0, None)] * (2 * rows_w * d) + [(None, None)] * rows_w
    res = scipy.optimize.minimize(f, p0, jac=True, method="L-BFGS-B", bounds=bounds,
                                  options={"maxiter": 100000, "maxfun": 1000000, "ftol": 0, "gtol": 1e-12})
    u = res.x[:rows_w * d].reshape(rows_w, d)
    v = res.x[rows_w * d:2 * rows_w * d].reshape(rows_w, d)
    return u - v, res.x[2 * rows_w * d:]


np.set_printoptions(floatmode="unique")
print("scikit-learn", sklearn.__version__, "numpy", np.__version__, "scipy", scipy.__version__)

for name, penalty, c, l1_ratio in [("iris", "l1", 0.5, None), ("iris", "elasticnet", 1.0, 0.5),
                                   ("breast_cancer", "l1", 0.1, None), ("breast_cancer", "elasticnet", 0.5, 0.3)]:
    x, y = read(name)
    xs = standardise(x)
    rho = 1.0 if penalty == "l1" else l1_ratio
    tight = LogisticRegression(penalty=penalty, C=c, l1_ratio=l1_ratio, solver="saga", tol=1e-12,
                               max_iter=1000000).fit(xs, y)
    default = LogisticRegression(penalty=penalty, C=c, l1_ratio=l1_ratio, solver="saga").fit(xs, y)
    w, b = optimum(xs, y, c, rho)
    call = f"{name} std LogisticRegression(penalty='{penalty}', C={c}, l1_ratio={l1_ratio}, solver='saga'"
    show(call + ", tol=1e-12, max_iter=1000000) coef_", tight.coef_)
    show("intercept_", tight.intercept_)
    show("n_iter_", tight.n_iter_)
    show("zero coefficients (row, column)", np.argwhere(tight.coef_ == 0))
    show("max |coef_ - split-variable L-BFGS-B optimum|", np.max(np.abs(tight.coef_ - w)))
    show("max |intercept_ - split-variable L-BFGS-B optimum|", np.max(np.abs(tight.intercept_ - b)))
    show(call + ") (default tol and max_iter) max |coef_ - optimum|", np.max(np.abs(default.coef_ - w)))

# Small count data for multinomial and Bernoulli naive Bayes.
x_small = np.array([[2, 1, 0, 3], [0, 0, 4, 1], [1, 3, 0, 0], [5, 0, 1, 2], [0, 2, 2, 2], [3, 0, 0, 1], [0, 1, 6, 0]],
                   dtype=float)
y_small = np.array([0, 1, 0, 2, 1, 0, 1])
probe = np.array([[1, 1, 1, 1], [0, 5, 0, 2], [7, 0, 0, 0]], dtype=float)
for model in [MultinomialNB(), MultinomialNB(alpha=0.5, fit_prior=False), BernoulliNB(binarize=1.0),
              BernoulliNB(alpha=0.3, binarize=None, fit_prior=False)]:
    xm = (x_small > 1).astype(float) if model.get_params().get("binarize", 0) is None else x_small
    pm = (probe > 1).astype(float) if model.get_params().get("binarize", 0) is None else probe
    model.fit(xm, y_small)
    show(f"{model} on {'(x_small > 1)' if xm is not x_small else 'x_small'} feature_log_prob_", model.feature_log_prob_)
    show("class_log_prior_", model.class_log_prior_)
    show("feature_count_", model.feature_count_)
    show("predict_proba(probe)", model.predict_proba(pm))

cv = StratifiedKFold(5, shuffle=True, random_state=0)
models = [("logreg", lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))),
          ("gaussian-nb", GaussianNB), ("multinomial-nb", MultinomialNB),
          ("bernoulli-nb", BernoulliNB), ("bernoulli-nb binarize=7.5", lambda: BernoulliNB(binarize=7.5))]
for name in ["iris", "wine", "breast_cancer", "digits"]:
    x, y = read(name)
    fold = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(cv.split(x, y)):
        fold[test] = f
    print(f"# {name} fold of each row")
    print("".join(map(str, fold)))
    for model_name, make in models:
        if model_name not in ("logreg", "gaussian-nb") and name != "digits":
            continue
        predicted = cross_val_predict(make(), x, y, cv=cv)
        correct = int((predicted == y).sum())
        print(f"# {name} {model_name}: {correct} of {len(y)} correct, accuracy {correct / len(y):.6f}")
