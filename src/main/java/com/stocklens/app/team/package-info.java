/**
 * Team mode: the shared PostgreSQL's settings and password, the window's team database service, the
 * leases and the follower a desk starts, and the move of a workspace's data to and from the team database.
 */
package com.stocklens.app.team;
