//! The product manager's dashboard and its JSON API, behind the admin credential.

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
