//! Every problem a draft's fields have, each against its field, found in one pass over the draft
//! and read by the page field by field: the message beside a field is the one the computation
//! produced. `F` says which fields a draft has (`draft::FunnelField`, `plan::draft::PlanField`).

use crate::error::InputError;
use crate::plan::PlanInputError;

/// A field's problem: its text does not read, or the value makes no plan.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    Input(InputError),
    Plan(PlanInputError),
}

/// Every problem found, each against its field, in the order found.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldErrors<F> {
    problems: Vec<(F, FieldProblem)>,
}

impl<F> Default for FieldErrors<F> {
    fn default() -> Self {
        FieldErrors {
            problems: Vec::new(),
        }
    }
}

impl<F: Copy + PartialEq> FieldErrors<F> {
    /// One problem, against `field`.
    pub fn one(field: F, problem: FieldProblem) -> Self {
        FieldErrors {
            problems: vec![(field, problem)],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn len(&self) -> usize {
        self.problems.len()
    }

    /// The problem of `field`, if it has one (the first found).
    pub fn get(&self, field: F) -> Option<&FieldProblem> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| p)
    }

    /// Why the text of `field` does not read, if that is its problem.
    pub fn input(&self, field: F) -> Option<InputError> {
        match self.get(field)? {
            FieldProblem::Input(e) => Some(*e),
            FieldProblem::Plan(_) => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (F, &FieldProblem)> {
        self.problems.iter().map(|(f, p)| (*f, p))
    }

    /// The value read, or `None` with the problem recorded against `field`.
    pub(crate) fn read<T>(&mut self, field: F, result: Result<T, InputError>) -> Option<T> {
        result
            .map_err(|e| self.problems.push((field, FieldProblem::Input(e))))
            .ok()
    }

    /// Records a value that reads but makes no plan.
    pub(crate) fn plan(&mut self, field: F, e: PlanInputError) {
        self.problems.push((field, FieldProblem::Plan(e)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Field {
        A,
        B,
        C,
    }

    #[test]
    fn each_problem_is_found_by_its_field() {
        let mut errors = FieldErrors::default();
        assert_eq!(errors.read(Field::A, Ok::<u8, InputError>(3)), Some(3));
        assert!(errors.is_empty());
        assert_eq!(errors.read::<u8>(Field::B, Err(InputError::Empty)), None);
        errors.plan(Field::C, PlanInputError::WeightsAllZero);
        errors.plan(Field::B, PlanInputError::WeightsAllZero);
        assert_eq!(errors.len(), 3);
        assert_eq!(errors.get(Field::A), None);
        // The first problem found is the field's: its text did not read.
        assert_eq!(
            errors.get(Field::B),
            Some(&FieldProblem::Input(InputError::Empty))
        );
        assert_eq!(errors.input(Field::B), Some(InputError::Empty));
        assert_eq!(errors.input(Field::C), None);
        assert_eq!(
            errors.iter().map(|(f, _)| f).collect::<Vec<_>>(),
            [Field::B, Field::C, Field::B]
        );
    }
}
