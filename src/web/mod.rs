//! The browser adapter: one browser concern per file. Every listener, timer and element it
//! creates is owned by a guard that undoes it on drop.

pub mod console;
pub mod context;
pub mod entropy;
pub mod hooks;
pub mod js;
pub mod locks;
pub mod mount;
pub mod mutations;
pub mod navigation;
pub mod online;
pub mod own_events;
pub mod page;
pub mod privacy;
pub mod promise;
pub mod soon;
pub mod storage;
pub mod transport;
pub mod ui;
pub mod validator;
pub mod watch;
