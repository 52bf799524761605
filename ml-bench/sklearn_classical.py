"""scikit-learn's side of the classical benchmark (ml-bench/classical-bench).

Writes the synthetic workloads as CSV (last column = label; the code of the reference's
export_bench_data.py) into OUT_DIR unless they are there already, then times scikit-learn's fits on
them with the settings and repetitions of the reference's classical_ref.py, and writes
OUT_DIR/sklearn-times.json. Usage: python3 sklearn_classical.py OUT_DIR
"""
import json
import os
import sys
import time

import numpy as np
from sklearn import datasets
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.mixture import GaussianMixture
from sklearn.naive_bayes import GaussianNB
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def workload(name, make):
    path = os.path.join(out, name + ".csv")
    if not os.path.exists(path):
        X, y = make()
        np.savetxt(path, np.column_stack([X, y]), delimiter=",", fmt="%.7g")
    data = np.loadtxt(path, delimiter=",")
    return data[:, :-1], data[:, -1].astype(int)


Xb, _ = workload("blobs-200k-16d", lambda: datasets.make_blobs(200000, 16, centers=8, random_state=0))
Xc, yc = workload("clf-100k-50d-4c", lambda: datasets.make_classification(
    100000, 50, n_informative=20, n_classes=4, random_state=0))
Xp, _ = workload("uniform-20k-256d", lambda: (np.random.RandomState(0).rand(20000, 256), np.zeros(20000)))
Xg, _ = workload("blobs-50k-8d", lambda: datasets.make_blobs(50000, 8, centers=8, random_state=0))

times = {}


def timed(name, fit, reps=3):
    best = 1e9
    for _ in range(reps):
        start = time.perf_counter()
        fit()
        best = min(best, time.perf_counter() - start)
    times[name] = round(best, 4)
    print(f"scikit-learn {name}: {times[name]} s", flush=True)


timed("kmeans-200k-16d-k8-lloyd-ninit1",
      lambda: KMeans(8, n_init=1, random_state=0, algorithm="lloyd", max_iter=100).fit(Xb))
timed("logreg-100k-50d-4class-lbfgs", lambda: LogisticRegression(max_iter=200).fit(Xc, yc))
timed("tree-100k-50d", lambda: DecisionTreeClassifier(random_state=0).fit(Xc, yc))
timed("gnb-100k-50d", lambda: GaussianNB().fit(Xc, yc))
timed("svc-rbf-10k-50d", lambda: SVC().fit(Xc[:10000], yc[:10000]), reps=1)
timed("pca-20k-256d-full", lambda: PCA(n_components=32, svd_solver="full").fit(Xp))
timed("gmm-50k-8d-k8-full", lambda: GaussianMixture(8, random_state=0, max_iter=100).fit(Xg), reps=1)

with open(os.path.join(out, "sklearn-times.json"), "w") as f:
    json.dump(times, f, indent=1)
