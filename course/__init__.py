"""Neural networks from scratch with PyTorch: the course's helper package.

Modules: :mod:`course.data` (datasets as in-memory tensors), :mod:`course.plotting`,
:mod:`course.checks` (the check helpers every graded test uses), :mod:`course.gradcheck`
(numerical gradients, ``cmp``) and :mod:`course.grading` (the instructor's pipeline:
build, autograde, feedback, report; needs ``nbgrader``).
"""

__version__ = "0.1.0"
