/**
 * Pushing the warehouse's figures to TikTok (issue 21, docs/guide/push.md): the push service that plans with the
 * pure push rules, applies recent plans after checking them again, keeps the audit, undoes, and runs the
 * automatic pushes the seller turned on.
 */
package com.stocklens.app.push;
