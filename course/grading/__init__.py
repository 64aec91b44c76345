"""The instructor's pipeline, on top of nbgrader: build, validate, autograde, feedback, report, demo.

Nothing here holds a solution: the package can ship to students as is (they only need
:mod:`course.data`, :mod:`course.plotting`, :mod:`course.checks` and :mod:`course.gradcheck`).
"""
