//! Rendering the page in steps: the mount's task only sets the app up, and every
//! [`Later`] block is built in a task of its own after it, the first screen's (`soon`)
//! first, each in page order. A phone's main thread is then never blocked for the whole
//! page at once, and each part appears as soon as it is built.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

use leptos::prelude::*;

type Step = Box<dyn FnOnce()>;

thread_local! {
    /// Blocks marked `soon`, shown before every other.
    static SOON: RefCell<VecDeque<Step>> = RefCell::new(VecDeque::new());
    static QUEUE: RefCell<VecDeque<Step>> = RefCell::new(VecDeque::new());
    static PUMPING: Cell<bool> = const { Cell::new(false) };
    /// Called once every block has been shown.
    static IDLE: RefCell<Vec<Step>> = RefCell::new(Vec::new());
}

/// Runs `step` once every [`Later`] block, including those created meanwhile, has been
/// shown (at once if none is waiting).
pub fn when_done(step: impl FnOnce() + 'static) {
    if pending() {
        IDLE.with(|i| i.borrow_mut().push(Box::new(step)));
    } else {
        step();
    }
}

/// True while some [`Later`] block is still waiting for its task.
pub fn pending() -> bool {
    PUMPING.with(Cell::get)
}

/// Where a step joins the queue.
#[derive(Clone, Copy)]
enum Place {
    /// The very next task, before every other waiting step.
    Next,
    /// After the `soon` steps queued before it, before every other.
    Soon,
    /// After every step queued before it.
    Last,
}

/// Runs `step` in a later task, at `place` among the waiting steps.
fn enqueue(place: Place, step: impl FnOnce() + 'static) {
    let step: Step = Box::new(step);
    match place {
        Place::Next => SOON.with(|q| q.borrow_mut().push_front(step)),
        Place::Soon => SOON.with(|q| q.borrow_mut().push_back(step)),
        Place::Last => QUEUE.with(|q| q.borrow_mut().push_back(step)),
    }
    start_pumping();
}

/// Schedules the pump unless it is already running.
fn start_pumping() {
    if !PUMPING.with(|p| p.replace(true)) {
        set_timeout(pump, Duration::ZERO);
    }
}

/// Runs `step` in a task of its own right after the first `soon` block created so far
/// (the page's header), before the rest of the first screen.
pub fn after_first_block(step: impl FnOnce() + 'static) {
    SOON.with(|q| {
        let mut q = q.borrow_mut();
        let at = q.len().min(1);
        q.insert(at, Box::new(step));
    });
    start_pumping();
}

/// Runs `step` in a task of its own after every [`Later`] block created so far.
pub fn then(step: impl FnOnce() + 'static) {
    enqueue(Place::Last, step);
}

/// One step per task; the render a step triggers runs before the task ends.
fn pump() {
    let step = SOON
        .with(|q| q.borrow_mut().pop_front())
        .or_else(|| QUEUE.with(|q| q.borrow_mut().pop_front()));
    match step {
        Some(step) => {
            step();
            set_timeout(pump, Duration::ZERO);
        }
        None => {
            PUMPING.with(|p| p.set(false));
            for step in IDLE.with(|i| std::mem::take(&mut *i.borrow_mut())) {
                step();
            }
        }
    }
}

/// Renders its children in a task of their own, after the page's first task and after
/// every `Later` block before it; `soon` ones (the first screen's results) go before all
/// others. Nothing above a block may move when it arrives, so use it for parts at the end
/// of a column.
#[component]
pub fn Later(
    /// Shown before the blocks that are not `soon`.
    #[prop(optional)]
    soon: bool,
    /// Shown in the very next task, before every other waiting block: the second half
    /// of a block split in two, so the two arrive together.
    #[prop(optional)]
    next: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let place = match (next, soon) {
        (true, _) => Place::Next,
        (false, true) => Place::Soon,
        (false, false) => Place::Last,
    };
    enqueue(place, move || {
        // The block may have gone meanwhile (an unmounted page): nothing to show then.
        let _ = shown.try_set(true);
    });
    move || shown.get().then(|| children())
}
