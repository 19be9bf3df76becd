/** The triage list (处理这些 / Act now): the red flags ranked by what a seller should do first. */
package com.stocklens.app.triage;
