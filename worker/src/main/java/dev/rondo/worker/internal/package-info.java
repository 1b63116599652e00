/**
 * The worker's engine: claiming, running slices and tasks, leases, wake-ups. Not API: nothing here is kept
 * compatible between releases. {@link dev.rondo.worker.internal.Registrations} and
 * {@link dev.rondo.worker.internal.Handlers} are public only for the test kit ({@code rondo-testing}), the
 * one user of this package outside the worker.
 */
package dev.rondo.worker.internal;
