//! L2-regularised logistic regression fitted by Newton's method. Small and exact
//! for what the planner needs (a few thousand labelled accounts, a couple of
//! dozen standardised features): each step solves a d × d system by Cholesky,
//! and the ridge term keeps that system positive definite, so the fit always
//! converges — no learning rate to tune, no randomness.
//!
//! A crate was considered (linfa-logistic): it pulls ndarray and argmin into the
//! Wasm build for ~100 lines of arithmetic tested here.

/// Strength of the ridge penalty (on standardised features; the intercept is free).
pub const RIDGE: f64 = 1.0;
const MAX_STEPS: usize = 50;
const TOLERANCE: f64 = 1e-8;

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub intercept: f64,
    pub weights: Vec<f64>,
}

pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

impl Model {
    pub fn logit(&self, x: &[f64]) -> f64 {
        self.intercept + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    pub fn probability(&self, x: &[f64]) -> f64 {
        sigmoid(self.logit(x))
    }
}

/// Solves `a · x = b` for a symmetric positive-definite `a` (row-major, n × n).
fn cholesky_solve(a: &[f64], b: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let s: f64 = (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum();
            if i == j {
                let d = a[i * n + i] - s;
                if d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[i * n + i] = d.sqrt();
            } else {
                l[i * n + j] = (a[i * n + j] - s) / l[j * n + j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|k| l[i * n + k] * y[k]).sum::<f64>()) / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| l[k * n + i] * x[k]).sum::<f64>()) / l[i * n + i];
    }
    Some(x)
}

/// Fits the model to rows `x` (each `d` long) and labels `y` (true: bought).
pub fn fit(x: &[Vec<f64>], y: &[bool], d: usize) -> Model {
    let n = d + 1; // intercept first
    let mut beta = vec![0.0; n];
    for _ in 0..MAX_STEPS {
        let mut grad = vec![0.0; n];
        let mut hess = vec![0.0; n * n];
        for (row, &label) in x.iter().zip(y) {
            let z = beta[0] + row.iter().zip(&beta[1..]).map(|(v, b)| v * b).sum::<f64>();
            let p = sigmoid(z);
            let r = p - f64::from(u8::from(label));
            let w = (p * (1.0 - p)).max(1e-9);
            let xi = |k: usize| if k == 0 { 1.0 } else { row[k - 1] };
            for a in 0..n {
                grad[a] += r * xi(a);
                for b in 0..=a {
                    hess[a * n + b] += w * xi(a) * xi(b);
                }
            }
        }
        for a in 1..n {
            grad[a] += RIDGE * beta[a];
            hess[a * n + a] += RIDGE;
        }
        hess[0] += 1e-9;
        for a in 0..n {
            for b in 0..a {
                hess[b * n + a] = hess[a * n + b];
            }
        }
        let Some(step) = cholesky_solve(&hess, &grad, n) else { break };
        let mut moved = 0.0f64;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            moved = moved.max(s.abs());
        }
        if moved < TOLERANCE {
            break;
        }
    }
    Model { intercept: beta[0], weights: beta[1..].to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let a = [4.0, 2.0, 2.0, 3.0];
        let x = cholesky_solve(&a, &[2.0, 1.0], 2).unwrap();
        assert!((4.0 * x[0] + 2.0 * x[1] - 2.0).abs() < 1e-12 && (2.0 * x[0] + 3.0 * x[1] - 1.0).abs() < 1e-12);
        assert_eq!(cholesky_solve(&[0.0], &[1.0], 1), None);
    }

    #[test]
    fn learns_the_direction_of_a_signal_and_ignores_noise() {
        let mut rng = fastrand::Rng::with_seed(5);
        let mut x = Vec::new();
        let mut y = Vec::new();
        for _ in 0..400 {
            let signal = rng.f64() * 4.0 - 2.0;
            let noise = rng.f64() * 4.0 - 2.0;
            y.push(rng.f64() < sigmoid(2.0 * signal));
            x.push(vec![signal, noise]);
        }
        let m = fit(&x, &y, 2);
        assert!(m.weights[0] > 1.0, "{m:?}");
        assert!(m.weights[1].abs() < 0.5, "{m:?}");
        assert!(m.probability(&[2.0, 0.0]) > 0.8 && m.probability(&[-2.0, 0.0]) < 0.2);
    }

    #[test]
    fn separable_data_stays_finite_thanks_to_the_ridge() {
        let x: Vec<Vec<f64>> = (0..20).map(|i| vec![f64::from(i) - 10.0]).collect();
        let y: Vec<bool> = (0..20).map(|i| i >= 10).collect();
        let m = fit(&x, &y, 1);
        assert!(m.weights[0].is_finite() && m.intercept.is_finite());
        assert!(m.probability(&[5.0]) > 0.9);
    }

    #[test]
    fn one_class_only_gives_a_constant_model() {
        let x = vec![vec![1.0], vec![2.0]];
        let m = fit(&x, &[true, true], 1);
        assert!(m.probability(&[1.5]) > 0.9 && m.probability(&[1.5]).is_finite());
    }
}
