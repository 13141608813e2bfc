//! Scenario links: the URL query string <-> Scenario.
