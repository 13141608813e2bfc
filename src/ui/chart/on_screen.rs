//! Which charts the reader can see: one rule, shared by the charts' observers and the
//! warm-up.

use leptos::html;
use leptos::prelude::*;
use leptos_use::{UseIntersectionObserverOptions, use_intersection_observer_with_options};

/// Whether a chart is one the reader is watching: at least half of it on screen (a
/// `shown` fraction of its height, `shown_px` pixels), or filling at least half of a
/// screen `screen_px` tall.
pub fn mostly_on_screen(shown: f64, shown_px: f64, screen_px: f64) -> bool {
    shown >= 0.5 || shown_px >= screen_px / 2.0
}

/// Where a chart element is, as its observers last saw it.
#[derive(Clone, Copy)]
pub struct OnScreen {
    /// Within a screen of the visible part of the page.
    pub near: ReadSignal<bool>,
    /// At least partly on screen.
    pub seen: ReadSignal<bool>,
    /// On screen by [`mostly_on_screen`].
    pub mostly_seen: ReadSignal<bool>,
}

/// Follows where `node` is with two intersection observers.
pub fn watch(node: NodeRef<html::Div>) -> OnScreen {
    let (near, set_near) = signal(false);
    let (seen, set_seen) = signal(false);
    let (mostly_seen, set_mostly_seen) = signal(false);
    // One closure for both observers: one copy of the observer's code in the wasm.
    let quarters = vec![0.0, 0.25, 0.5, 0.75, 1.0];
    for (margin, thresholds, near_one) in [("100% 0px", vec![0.0], true), ("0px", quarters, false)]
    {
        use_intersection_observer_with_options(
            node,
            move |entries, _| {
                let Some(entry) = entries.last() else { return };
                if near_one {
                    set_near.set(entry.is_intersecting());
                    return;
                }
                let screen = entry.root_bounds().map_or(f64::INFINITY, |r| r.height());
                let shown = entry.intersection_rect().height();
                set_seen.set(entry.is_intersecting());
                set_mostly_seen.set(
                    entry.is_intersecting()
                        && mostly_on_screen(entry.intersection_ratio(), shown, screen),
                );
            },
            UseIntersectionObserverOptions::default()
                .root_margin(margin)
                .thresholds(thresholds),
        );
    }
    OnScreen {
        near,
        seen,
        mostly_seen,
    }
}
