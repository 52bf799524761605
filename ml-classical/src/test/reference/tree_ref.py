"""Prints the scikit-learn reference numbers pasted into the decision-tree and random-forest tests.

Run from ml-classical/ with Debian's scikit-learn 1.2.1:
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; /usr/bin/python3 src/test/reference/tree_ref.py
Class labels are encoded in sorted order (as the tests' CsvData does); the CV folds are those of
StratifiedKFold(5, shuffle=True, random_state=0) on scikit-learn's own targets, as in classical_ref.py.
"""
import csv

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, export_text


def read(name):
    with open(f"../datasets/{name}.csv") as f:
        rows = list(csv.reader(f))
    x = np.array([[float(v) for v in r[:-1]] for r in rows[1:]])
    return x, np.array([r[-1] for r in rows[1:]]), rows[0][:-1]


np.set_printoptions(floatmode="unique", threshold=100000, linewidth=200)
print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
cv = StratifiedKFold(5, shuffle=True, random_state=0)
loaders = {"iris": datasets.load_iris, "wine": datasets.load_wine,
           "breast_cancer": datasets.load_breast_cancer, "digits": datasets.load_digits}
for name, loader in loaders.items():
    x, y = loader(return_X_y=True)
    fold = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(cv.split(x, y)):
        fold[test] = f
    print(f"# {name} test fold of each row")
    print("".join(str(f) for f in fold))
    tree = cross_val_score(DecisionTreeClassifier(random_state=0), x, y, cv=cv).mean()
    forest = cross_val_score(RandomForestClassifier(random_state=0), x, y, cv=cv).mean()
    print(f"# {name} cv5 accuracy: DecisionTreeClassifier(random_state=0) {tree:.4f}, "
          f"RandomForestClassifier(random_state=0) {forest:.4f}")

x, y, names = read("iris")
for random_state in (0, 4):
    tree = DecisionTreeClassifier(max_depth=2, random_state=random_state).fit(x, y)
    print(f"# iris DecisionTreeClassifier(max_depth=2, random_state={random_state}) export_text")
    print(export_text(tree, feature_names=names))

tiny_x = np.array([[1.0, 0], [2.0, 0], [2.0, 1], [3.5, 0], [4.0, 0], [4.0, 1], [6.0, 0], [9.0, 0]])
tiny_y = np.array(["A", "A", "A", "B", "B", "A", "B", "B"])
for leaf in (1, 2):
    tree = DecisionTreeClassifier(min_samples_leaf=leaf, random_state=0).fit(tiny_x, tiny_y)
    print(f"# tiny DecisionTreeClassifier(min_samples_leaf={leaf}) export_text, importances, proba")
    print(export_text(tree, feature_names=["x", "z"]))
    print(tree.feature_importances_)
    print(tree.predict_proba(tiny_x))
tree = DecisionTreeRegressor(max_depth=1).fit(np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([1.0, 2, 10, 12]))
print("# tiny DecisionTreeRegressor(max_depth=1) export_text")
print(export_text(tree, feature_names=["x"]))

data = np.loadtxt("../datasets/diabetes.csv", delimiter=",", skiprows=1)
with open("../datasets/diabetes.csv") as f:
    header = f.readline().strip().split(",")
tree = DecisionTreeRegressor(max_depth=3, random_state=0).fit(data[:, :-1], data[:, -1])
print("# diabetes DecisionTreeRegressor(max_depth=3, random_state=0) export_text")
print(export_text(tree, feature_names=header[:-1]))
print("# thresholds (internal nodes in preorder)")
print(repr(tree.tree_.threshold[tree.tree_.feature >= 0]))
print("# feature_importances_")
print(repr(tree.feature_importances_))
leaf_of_row = tree.apply(data[:, :-1])
leaf_ids = np.unique(leaf_of_row)
print("# leaf values (mean target), leaves in preorder")
print(repr(tree.tree_.value[leaf_ids, 0, 0]))
print("# leaf of every row (0 = first leaf in preorder)")
print("".join(str(int(np.searchsorted(leaf_ids, leaf))) for leaf in leaf_of_row))
