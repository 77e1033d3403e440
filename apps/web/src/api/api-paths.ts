// Generated from the OpenAPI document (apps/server/src/api/openapi.ts) by `pnpm api:types`; do not edit.
// tests/api/api-types.test.ts fails when this file no longer matches the document.
export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready: the store answers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            live: boolean;
                            ready: boolean;
                            checks: {
                                /** @enum {string} */
                                store: "ok" | "failed";
                            };
                            networkVersion: string;
                            uptimeS: number;
                        };
                    };
                };
                /** @description Alive but not ready */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            live: boolean;
                            ready: boolean;
                            checks: {
                                /** @enum {string} */
                                store: "ok" | "failed";
                            };
                            networkVersion: string;
                            uptimeS: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Sets an HTTP-only SameSite session cookie and returns the same token for bearer use.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            user: {
                                name: string;
                                /** @enum {string} */
                                role: "operator" | "duty-officer" | "analyst" | "admin";
                            };
                            expiresAt: number;
                        };
                    };
                };
                /** @description The body is not {name, password} */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Wrong user name or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Too many failed logins from this address */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends the session) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not a session */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is and what they may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            principal: {
                                /** @constant */
                                kind: "user";
                                name: string;
                                /** @enum {string} */
                                role: "operator" | "duty-officer" | "analyst" | "admin";
                            } | {
                                /** @constant */
                                kind: "display";
                                name: string;
                            } | {
                                /** @constant */
                                kind: "ingest-key";
                                name: string;
                            };
                            permissions: ("live:view" | "alerts:act" | "replay:use" | "history:read" | "export:read" | "users:manage" | "audit:read" | "observations:ingest" | "citizen:view" | "citizen:triage" | "citizen:answer")[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/observations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest a batch of traffic and water observations
         * @description A JSON array or NDJSON. Validated whole: any bad item refuses the batch and nothing is stored. Committed durably before the answer; an observation already stored (same subject, observedAt, source) counts as a duplicate, so retries are safe. Needs an ingest key (or an admin).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": ({
                        /** @constant */
                        type: "traffic";
                        segmentId: string;
                        /** Format: date-time */
                        observedAt: string;
                        speedKph: number;
                        flowVph?: number;
                        occupancyPct?: number;
                        source: string;
                    } | {
                        /** @constant */
                        type: "water";
                        stationId: string;
                        /** Format: date-time */
                        observedAt: string;
                        value: number;
                        source: string;
                    })[];
                    "application/x-ndjson": {
                        /** @constant */
                        type: "traffic";
                        segmentId: string;
                        /** Format: date-time */
                        observedAt: string;
                        speedKph: number;
                        flowVph?: number;
                        occupancyPct?: number;
                        source: string;
                    } | {
                        /** @constant */
                        type: "water";
                        stationId: string;
                        /** Format: date-time */
                        observedAt: string;
                        value: number;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Stored */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                        };
                    };
                };
                /** @description An empty batch */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body exceeds BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Neither application/json nor application/x-ndjson */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Invalid observations: every problem with its line or index and field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Road segments, water stations and flood points as GeoJSON
         * @description Feature ids are the indices used by live and replay deltas. Revalidate with If-None-Match.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The network */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: string;
                            segments: {
                                /** @constant */
                                type: "FeatureCollection";
                                features: {
                                    /** @constant */
                                    type: "Feature";
                                    /** @description Index used by deltas (segmentIdx, stationIdx) */
                                    id: number;
                                    geometry: {
                                        /** @constant */
                                        type: "LineString";
                                        coordinates: [
                                            number,
                                            number
                                        ][];
                                    };
                                    properties: {
                                        id: string;
                                        name: string;
                                        district: string;
                                        /** @enum {string} */
                                        roadClass: "motorway" | "trunk" | "primary" | "secondary" | "tertiary" | "motorway_link" | "trunk_link" | "primary_link" | "secondary_link" | "tertiary_link";
                                        lengthM: number;
                                        freeFlowKph: number;
                                        oneway: boolean;
                                    };
                                }[];
                            };
                            stations: {
                                /** @constant */
                                type: "FeatureCollection";
                                features: {
                                    /** @constant */
                                    type: "Feature";
                                    /** @description Index used by deltas (segmentIdx, stationIdx) */
                                    id: number;
                                    geometry: {
                                        /** @constant */
                                        type: "Point";
                                        coordinates: [
                                            number,
                                            number
                                        ];
                                    };
                                    properties: {
                                        id: string;
                                        name: string;
                                        district: string;
                                        expectedIntervalS: number;
                                        plausible: {
                                            min: number;
                                            max: number;
                                        };
                                        /** @enum {string} */
                                        kind: "tide-gauge" | "river-gauge";
                                        /** @constant */
                                        unit: "m";
                                        river: string;
                                        alarmLevelsM: {
                                            I: number;
                                            II: number | null;
                                            III: number | null;
                                        };
                                        alarmLevelsSource?: string;
                                    } | {
                                        id: string;
                                        name: string;
                                        district: string;
                                        expectedIntervalS: number;
                                        plausible: {
                                            min: number;
                                            max: number;
                                        };
                                        /** @constant */
                                        kind: "street-flood-sensor";
                                        /** @constant */
                                        unit: "cm";
                                        floodPointId: string;
                                        depthLevelsCm: [
                                            number,
                                            number,
                                            number
                                        ];
                                    };
                                }[];
                            };
                            floodPoints: {
                                /** @constant */
                                type: "FeatureCollection";
                                features: {
                                    /** @constant */
                                    type: "Feature";
                                    /** @description Index used by deltas (segmentIdx, stationIdx) */
                                    id: number;
                                    geometry: {
                                        /** @constant */
                                        type: "Point";
                                        coordinates: [
                                            number,
                                            number
                                        ];
                                    };
                                    properties: {
                                        id: string;
                                        street: string;
                                        district: string;
                                        /** @enum {string} */
                                        cause: "rain" | "tide" | "rain+tide";
                                        segmentIds: string[];
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description Unchanged since the ETag sent */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live picture now: latest reading per segment and station, open alerts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A snapshot */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            networkVersion: string;
                            clock: number;
                            traffic: {
                                segmentIdx: number[];
                                speedKph: number[];
                                observedAt: number[];
                            };
                            water: {
                                stationIdx: number[];
                                value: number[];
                                observedAt: number[];
                            };
                            alerts: {
                                id: string;
                                key: string;
                                /** @enum {string} */
                                kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                subject: {
                                    /** @enum {string} */
                                    type: "station" | "segment";
                                    id: string;
                                };
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                value: number;
                                threshold: number;
                                unit: string;
                                message: {
                                    vi: string;
                                    en: string;
                                };
                                cause: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                peak: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                raisedAt: number;
                                updatedAt: number;
                                active: boolean;
                                clearedAt: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                    forced: boolean;
                                } | null;
                                silenced: boolean;
                                escalatedAt: number | null;
                                forecastFor?: number;
                                leadMin?: number;
                                /** @enum {string} */
                                outcome?: "verified" | "missed";
                            }[];
                            incidents?: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                grouping: {
                                    /** @enum {string} */
                                    rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                                    district: string | null;
                                    corridor: string | null;
                                    withinM: number | null;
                                    spanM: number;
                                    cause: ("rain" | "tide" | "rain+tide") | null;
                                    driver: {
                                        alertId: string;
                                        stationId: string;
                                        stationName: string;
                                        /** @enum {string} */
                                        severity: "warning" | "minor" | "major" | "critical";
                                    } | null;
                                };
                                members: {
                                    alertId: string;
                                    /** @enum {string} */
                                    kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                    subject: {
                                        /** @enum {string} */
                                        type: "station" | "segment";
                                        id: string;
                                    };
                                    location: [
                                        number,
                                        number
                                    ] | null;
                                    district: string;
                                    name: string;
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    /** @enum {string} */
                                    peakSeverity: "warning" | "minor" | "major" | "critical";
                                    raisedAt: number;
                                    active: boolean;
                                    acked: boolean;
                                    resolved: boolean;
                                }[];
                                openedAt: number;
                                updatedAt: number;
                                quietSince: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                checklist: {
                                    procedureId: string;
                                    title: {
                                        vi: string;
                                        en: string;
                                    };
                                    steps: {
                                        id: string;
                                        text: {
                                            vi: string;
                                            en: string;
                                        };
                                        tick: {
                                            by: string;
                                            at: number;
                                        } | null;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/traffic/{segmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History of one road segment (speed, km/h)
         * @description Raw readings, or bucket means with min and max when the range holds more than maxPoints.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start, inclusive; default 24 h before `to` */
                    from?: string;
                    /** @description End, exclusive; default now */
                    to?: string;
                    /** @description Longer ranges are averaged into at most this many buckets */
                    maxPoints?: number;
                };
                header?: never;
                path: {
                    segmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The readings in the range */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "traffic" | "water";
                            subjectId: string;
                            from: number;
                            to: number;
                            bucketMs: number | null;
                            points: {
                                observedAt: number;
                                value: number;
                                min: number;
                                max: number;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such segment in the network */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/water/{stationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * History of one station (its unit)
         * @description Raw readings, or bucket means with min and max when the range holds more than maxPoints.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start, inclusive; default 24 h before `to` */
                    from?: string;
                    /** @description End, exclusive; default now */
                    to?: string;
                    /** @description Longer ranges are averaged into at most this many buckets */
                    maxPoints?: number;
                };
                header?: never;
                path: {
                    stationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The readings in the range */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "traffic" | "water";
                            subjectId: string;
                            from: number;
                            to: number;
                            bucketMs: number | null;
                            points: {
                                observedAt: number;
                                value: number;
                                min: number;
                                max: number;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such station in the network */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security events, newest first (admins) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Entries with a smaller id */
                    before?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            at: number;
                            actor: string;
                            /** @enum {string} */
                            action: "login" | "login-failed" | "logout" | "request-refused" | "socket-refused" | "user-created" | "ingest-key-created" | "ingest-key-revoked" | "display-created" | "display-revoked" | "open311-key-created" | "open311-key-revoked" | "warning-approved" | "warning-rejected" | "warning-withdrawn" | "citizen-report-verified" | "citizen-report-rejected" | "citizen-report-merged" | "citizen-report-answered" | "citizen-report-resolved";
                            target: string | null;
                            origin: string;
                            reason: string | null;
                        }[];
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, newest first
         * @description `state=open` (default) is every alert not yet resolved: active or cleared, acknowledged or not.
         */
        get: {
            parameters: {
                query?: {
                    state?: "open" | "active" | "cleared" | "resolved" | "all";
                    severity?: "warning" | "minor" | "major" | "critical";
                    kind?: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                    from?: number;
                    to?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                id: string;
                                key: string;
                                /** @enum {string} */
                                kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                subject: {
                                    /** @enum {string} */
                                    type: "station" | "segment";
                                    id: string;
                                };
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                value: number;
                                threshold: number;
                                unit: string;
                                message: {
                                    vi: string;
                                    en: string;
                                };
                                cause: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                peak: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                raisedAt: number;
                                updatedAt: number;
                                active: boolean;
                                clearedAt: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                    forced: boolean;
                                } | null;
                                silenced: boolean;
                                escalatedAt: number | null;
                                forecastFor?: number;
                                leadMin?: number;
                                /** @enum {string} */
                                outcome?: "verified" | "missed";
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert and its audit trail (every transition, oldest first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Alert id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The alert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                id: string;
                                key: string;
                                /** @enum {string} */
                                kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                subject: {
                                    /** @enum {string} */
                                    type: "station" | "segment";
                                    id: string;
                                };
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                value: number;
                                threshold: number;
                                unit: string;
                                message: {
                                    vi: string;
                                    en: string;
                                };
                                cause: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                peak: {
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    value: number;
                                    threshold: number;
                                    at: number;
                                };
                                raisedAt: number;
                                updatedAt: number;
                                active: boolean;
                                clearedAt: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                    forced: boolean;
                                } | null;
                                silenced: boolean;
                                escalatedAt: number | null;
                                forecastFor?: number;
                                leadMin?: number;
                                /** @enum {string} */
                                outcome?: "verified" | "missed";
                            };
                            transitions: {
                                alertId: string;
                                seq: number;
                                /** @enum {string} */
                                action: "raised" | "severity-changed" | "cleared" | "acknowledged" | "assigned" | "resolved" | "escalated" | "notified";
                                at: number;
                                by: string;
                                origin: string;
                                note: string;
                                details: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No alert of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook delivery attempt for the alert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Alert id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Attempts, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                id: number;
                                alertId: string;
                                url: string;
                                /** @enum {string} */
                                reason: "critical" | "escalated";
                                attempt: number;
                                at: number;
                                status: number | null;
                                ok: boolean;
                                error: string | null;
                                durationMs: number;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No alert of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an alert
         * @description Exactly one of two officers acknowledging at once wins. Needs alerts:act (duty officers, admins). Recorded in the alert's audit trail with who, when and from where; pushed as `alert:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Alert id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The alert after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No alert of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Already acknowledged (the message names who and when) or resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign an alert to a duty officer or admin
         * @description See `GET /api/v1/users` for who can be assigned. Needs alerts:act (duty officers, admins). Recorded in the alert's audit trail with who, when and from where; pushed as `alert:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Alert id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        to: string;
                    };
                };
            };
            responses: {
                /** @description The alert after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No alert of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Already resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve (close) an alert with a note
         * @description Only once the engine has cleared it, unless `force` is set (the note then gives the reason). Needs alerts:act (duty officers, admins). Recorded in the alert's audit trail with who, when and from where; pushed as `alert:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Alert id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                        /** @default false */
                        force?: boolean;
                    };
                };
            };
            responses: {
                /** @description The alert after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"];
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No alert of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Still active and not forced, or already resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Silences in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Silences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            silences: {
                                id: string;
                                subject: {
                                    /** @enum {string} */
                                    type: "station" | "segment";
                                    id: string;
                                };
                                reason: string;
                                createdBy: string;
                                createdAt: number;
                                until: number;
                                cancelledAt: number | null;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Silence a station or segment until a time (maintenance)
         * @description Alerts raised on it meanwhile are recorded (`silenced: true`) but not pushed nor sent to webhooks. Needs alerts:act.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        subject: {
                            /** @enum {string} */
                            type: "station" | "segment";
                            id: string;
                        };
                        reason: string;
                        until: number;
                    };
                };
            };
            responses: {
                /** @description The silence */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            subject: {
                                /** @enum {string} */
                                type: "station" | "segment";
                                id: string;
                            };
                            reason: string;
                            createdBy: string;
                            createdAt: number;
                            until: number;
                            cancelledAt: number | null;
                        };
                    };
                };
                /** @description A bad body, an unknown subject or an expiry in the past */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/silences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a silence early */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Lifted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No silence in force of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users an alert can be assigned to (duty officers and admins) */
        get: {
            parameters: {
                query?: {
                    /** @description Only users of this role; default: everyone who may act on alerts */
                    role?: "operator" | "duty-officer" | "analyst" | "admin";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Users by name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                name: string;
                                /** @enum {string} */
                                role: "operator" | "duty-officer" | "analyst" | "admin";
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast/water/{stationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tide gauge's latest water-level forecast: 24 h curve, 90 % band, báo động crossings
         * @description Refreshed every FORECAST_EVERY_S (default 10 min) from the readings up to `issuedAt`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    stationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The forecast */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            stationId: string;
                            issuedAt: number;
                            points: {
                                at: number;
                                levelM: number;
                                lowerM: number;
                                upperM: number;
                            }[];
                            transfer: {
                                lagMin: number;
                                gain: number;
                                offsetM: number;
                                /** @enum {string} */
                                source: "fitted" | "prior";
                            };
                            residualNowM: number;
                            crossings: {
                                /** @enum {string} */
                                level: "I" | "II" | "III";
                                thresholdM: number;
                                at: number;
                                leadMin: number;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not a tide gauge, or no forecast yet (too few recent readings) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast/traffic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forecast speeds of the reporting segments at one lead, in columns by segment index */
        get: {
            parameters: {
                query?: {
                    /** @description Minutes ahead: 15, 30 or 60 */
                    lead?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The forecast */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            networkVersion: string;
                            issuedAt: number;
                            leadMin: 15 | 30 | 60;
                            segmentIdx: number[];
                            speedKph: number[];
                            usualKph: number[];
                        };
                    };
                };
                /** @description A lead other than 15, 30 or 60 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No traffic forecast yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operational incidents (alerts grouped by cause), newest first
         * @description Not the replay bookmarks of `/api/v1/incidents`. `state=open` (default) is every incident with an unresolved alert.
         */
        get: {
            parameters: {
                query?: {
                    state?: "open" | "all";
                    to?: number;
                    from?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incidents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                grouping: {
                                    /** @enum {string} */
                                    rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                                    district: string | null;
                                    corridor: string | null;
                                    withinM: number | null;
                                    spanM: number;
                                    cause: ("rain" | "tide" | "rain+tide") | null;
                                    driver: {
                                        alertId: string;
                                        stationId: string;
                                        stationName: string;
                                        /** @enum {string} */
                                        severity: "warning" | "minor" | "major" | "critical";
                                    } | null;
                                };
                                members: {
                                    alertId: string;
                                    /** @enum {string} */
                                    kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                    subject: {
                                        /** @enum {string} */
                                        type: "station" | "segment";
                                        id: string;
                                    };
                                    location: [
                                        number,
                                        number
                                    ] | null;
                                    district: string;
                                    name: string;
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    /** @enum {string} */
                                    peakSeverity: "warning" | "minor" | "major" | "critical";
                                    raisedAt: number;
                                    active: boolean;
                                    acked: boolean;
                                    resolved: boolean;
                                }[];
                                openedAt: number;
                                updatedAt: number;
                                quietSince: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                checklist: {
                                    procedureId: string;
                                    title: {
                                        vi: string;
                                        en: string;
                                    };
                                    steps: {
                                        id: string;
                                        text: {
                                            vi: string;
                                            en: string;
                                        };
                                        tick: {
                                            by: string;
                                            at: number;
                                        } | null;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident and its trail, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incident */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incident: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                /** @enum {string} */
                                severity: "warning" | "minor" | "major" | "critical";
                                grouping: {
                                    /** @enum {string} */
                                    rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                                    district: string | null;
                                    corridor: string | null;
                                    withinM: number | null;
                                    spanM: number;
                                    cause: ("rain" | "tide" | "rain+tide") | null;
                                    driver: {
                                        alertId: string;
                                        stationId: string;
                                        stationName: string;
                                        /** @enum {string} */
                                        severity: "warning" | "minor" | "major" | "critical";
                                    } | null;
                                };
                                members: {
                                    alertId: string;
                                    /** @enum {string} */
                                    kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                    subject: {
                                        /** @enum {string} */
                                        type: "station" | "segment";
                                        id: string;
                                    };
                                    location: [
                                        number,
                                        number
                                    ] | null;
                                    district: string;
                                    name: string;
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    /** @enum {string} */
                                    peakSeverity: "warning" | "minor" | "major" | "critical";
                                    raisedAt: number;
                                    active: boolean;
                                    acked: boolean;
                                    resolved: boolean;
                                }[];
                                openedAt: number;
                                updatedAt: number;
                                quietSince: number | null;
                                ack: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                assignee: {
                                    to: string;
                                    by: string;
                                    at: number;
                                } | null;
                                resolution: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                checklist: {
                                    procedureId: string;
                                    title: {
                                        vi: string;
                                        en: string;
                                    };
                                    steps: {
                                        id: string;
                                        text: {
                                            vi: string;
                                            en: string;
                                        };
                                        tick: {
                                            by: string;
                                            at: number;
                                        } | null;
                                    }[];
                                }[];
                            };
                            events: {
                                incidentId: string;
                                seq: number;
                                /** @enum {string} */
                                action: "opened" | "alert-joined" | "acknowledged" | "assigned" | "resolved" | "step-ticked" | "step-unticked" | "closed";
                                at: number;
                                by: string;
                                origin: string;
                                note: string;
                                details: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an incident: each of its unacknowledged alerts
         * @description Needs alerts:act (duty officers, admins). Recorded in the incident trail with the alerts it changed and those that refused; each alert keeps its own transition. Pushed as `operational-incident:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The incident after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationalIncident"];
                    };
                };
                /** @description A bad body, an unknown step or assignee */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Every alert refused (acknowledged by someone else meanwhile), or the incident is resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign an incident (each of its open alerts) to a duty officer
         * @description Needs alerts:act (duty officers, admins). Recorded in the incident trail with the alerts it changed and those that refused; each alert keeps its own transition. Pushed as `operational-incident:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        to: string;
                    };
                };
            };
            responses: {
                /** @description The incident after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationalIncident"];
                    };
                };
                /** @description A bad body, an unknown step or assignee */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The incident is resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents/{id}/tick": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tick (or untick) a step of one of the incident’s procedures
         * @description Needs alerts:act (duty officers, admins). Recorded in the incident trail with the alerts it changed and those that refused; each alert keeps its own transition. Pushed as `operational-incident:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        procedureId: string;
                        stepId: string;
                        /** @default true */
                        done?: boolean;
                    };
                };
            };
            responses: {
                /** @description The incident after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationalIncident"];
                    };
                };
                /** @description A bad body, an unknown step or assignee */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The incident is resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operational-incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an incident: each of its open alerts, with one note
         * @description Needs alerts:act (duty officers, admins). Recorded in the incident trail with the alerts it changed and those that refused; each alert keeps its own transition. Pushed as `operational-incident:changed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                        /** @default false */
                        force?: boolean;
                    };
                };
            };
            responses: {
                /** @description The incident after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationalIncident"];
                    };
                };
                /** @description A bad body, an unknown step or assignee */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Every alert refused (still active without force), or the incident is resolved */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handovers/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The handover of a shift as of now, not stored: open incidents and what was done */
        get: {
            parameters: {
                query: {
                    /** @description Start of the shift, epoch ms */
                    from: number;
                    /** @description End of the shift, epoch ms; default now */
                    to?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShiftHandover"];
                    };
                };
                /** @description A bad query parameter, or from not before to */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Handover notes, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The handovers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            handovers: {
                                id: string;
                                from: number;
                                to: number;
                                createdBy: string;
                                createdAt: number;
                                note: string;
                                open: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "open" | "resolved";
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    grouping: {
                                        /** @enum {string} */
                                        rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                                        district: string | null;
                                        corridor: string | null;
                                        withinM: number | null;
                                        spanM: number;
                                        cause: ("rain" | "tide" | "rain+tide") | null;
                                        driver: {
                                            alertId: string;
                                            stationId: string;
                                            stationName: string;
                                            /** @enum {string} */
                                            severity: "warning" | "minor" | "major" | "critical";
                                        } | null;
                                    };
                                    members: {
                                        alertId: string;
                                        /** @enum {string} */
                                        kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                        subject: {
                                            /** @enum {string} */
                                            type: "station" | "segment";
                                            id: string;
                                        };
                                        location: [
                                            number,
                                            number
                                        ] | null;
                                        district: string;
                                        name: string;
                                        /** @enum {string} */
                                        severity: "warning" | "minor" | "major" | "critical";
                                        /** @enum {string} */
                                        peakSeverity: "warning" | "minor" | "major" | "critical";
                                        raisedAt: number;
                                        active: boolean;
                                        acked: boolean;
                                        resolved: boolean;
                                    }[];
                                    openedAt: number;
                                    updatedAt: number;
                                    quietSince: number | null;
                                    ack: {
                                        by: string;
                                        at: number;
                                        note: string;
                                    } | null;
                                    assignee: {
                                        to: string;
                                        by: string;
                                        at: number;
                                    } | null;
                                    resolution: {
                                        by: string;
                                        at: number;
                                        note: string;
                                    } | null;
                                    checklist: {
                                        procedureId: string;
                                        title: {
                                            vi: string;
                                            en: string;
                                        };
                                        steps: {
                                            id: string;
                                            text: {
                                                vi: string;
                                                en: string;
                                            };
                                            tick: {
                                                by: string;
                                                at: number;
                                            } | null;
                                        }[];
                                    }[];
                                }[];
                                done: {
                                    incidentId: string;
                                    seq: number;
                                    /** @enum {string} */
                                    action: "opened" | "alert-joined" | "acknowledged" | "assigned" | "resolved" | "step-ticked" | "step-unticked" | "closed";
                                    at: number;
                                    by: string;
                                    origin: string;
                                    note: string;
                                    details: {
                                        [key: string]: unknown;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        /** Write the handover note of a shift (duty officers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        from: number;
                        to: number;
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShiftHandover"];
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handovers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One handover note */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Handover id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The handover */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShiftHandover"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No handover of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operations report of a period, city-wide and per district (analysts, admins)
         * @description Alerts by kind and severity, time to acknowledge and to resolve (median, p90, share within REPORT_ACK_TARGET_S), congestion hours per segment, flood hours per street, the highest level per gauge against its báo động levels, and forecast skill (verified/missed, POD, FAR).
         */
        get: {
            parameters: {
                query: {
                    /** @description Start of the period, inclusive */
                    from: string;
                    /** @description End of the period, exclusive */
                    to: string;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report: JSON, or with format=csv one figure per row */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            to: number;
                            ackTargetS: number;
                            sections: {
                                district: string | null;
                                alertCounts: {
                                    /** @enum {string} */
                                    kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                    /** @enum {string} */
                                    severity: "warning" | "minor" | "major" | "critical";
                                    count: number;
                                }[];
                                ack: {
                                    n: number;
                                    /** @description Seconds; null when nothing to measure */
                                    medianS: number | null;
                                    /** @description Seconds; null when nothing to measure */
                                    p90S: number | null;
                                    withinTargetShare: number | null;
                                };
                                resolve: {
                                    n: number;
                                    /** @description Seconds; null when nothing to measure */
                                    medianS: number | null;
                                    /** @description Seconds; null when nothing to measure */
                                    p90S: number | null;
                                };
                                congestion: {
                                    segmentId: string;
                                    name: string;
                                    hours: number;
                                }[];
                                floods: {
                                    stationId: string;
                                    name: string;
                                    hours: number;
                                }[];
                                gauges: {
                                    stationId: string;
                                    name: string;
                                    maxM: number | null;
                                    maxAt: number | null;
                                    alarmLevelsM: {
                                        I: number | null;
                                        II: number | null;
                                        III: number | null;
                                    };
                                    reached: ("I" | "II" | "III") | null;
                                }[];
                                forecastSkill: {
                                    /** @enum {string} */
                                    kind: "forecast-water-level" | "forecast-congestion";
                                    verified: number;
                                    missed: number;
                                    far: number | null;
                                    events: number;
                                    detected: number;
                                    pod: number | null;
                                }[];
                                citizenReports: {
                                    /** @enum {string} */
                                    category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                                    count: number;
                                    firstAnswer: {
                                        n: number;
                                        /** @description Seconds; null when nothing to measure */
                                        medianS: number | null;
                                        /** @description Seconds; null when nothing to measure */
                                        p90S: number | null;
                                    };
                                    resolve: {
                                        n: number;
                                        /** @description Seconds; null when nothing to measure */
                                        medianS: number | null;
                                        /** @description Seconds; null when nothing to measure */
                                        p90S: number | null;
                                    };
                                }[];
                                incidents: {
                                    opened: number;
                                    resolved: number;
                                    steps: {
                                        procedureId: string;
                                        stepId: string;
                                        text: {
                                            vi: string;
                                            en: string;
                                        };
                                        shown: number;
                                        ticked: number;
                                    }[];
                                };
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecast-skill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tide forecast judged on the reported levels, per gauge (analysts, admins)
         * @description The figures of `ioc backtest --real`: each reported day of fixtures/hcmc/tide-reports.json left out in turn; median |Δt| (min) and |Δh| (cm) of the curve alone against the single-lag fit, of forecasts issued 1/3/6/24 h ahead against the single lag, the pure tide and persistence, and the calibrated 90 % band’s coverage.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Per gauge, the real-data skill */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            source: string;
                            days: number;
                            gauges: {
                                stationId: string;
                                name: string;
                                leaveOneDayOut: {
                                    /** @enum {string} */
                                    kind: "high" | "low" | "peak";
                                    estuary: {
                                        n: number;
                                        medianAbsDtMin: number | null;
                                        medianAbsDhCm: number | null;
                                    };
                                    singleLag: {
                                        n: number;
                                        medianAbsDtMin: number | null;
                                        medianAbsDhCm: number | null;
                                    };
                                }[];
                                leads: {
                                    /** @enum {string} */
                                    kind: "high" | "low" | "peak";
                                    leadH: number;
                                    cells: {
                                        forecast: {
                                            n: number;
                                            medianAbsDtMin: number | null;
                                            medianAbsDhCm: number | null;
                                        };
                                        "single-lag": {
                                            n: number;
                                            medianAbsDtMin: number | null;
                                            medianAbsDhCm: number | null;
                                        };
                                        astronomical: {
                                            n: number;
                                            medianAbsDtMin: number | null;
                                            medianAbsDhCm: number | null;
                                        };
                                        persistence: {
                                            n: number;
                                            medianAbsDtMin: number | null;
                                            medianAbsDhCm: number | null;
                                        };
                                    };
                                }[];
                                band: {
                                    leadH: number;
                                    n: number;
                                    coverage: number | null;
                                    medianHalfWidthCm: number | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public warnings (CAP 1.2 messages), newest first: the drafts awaiting a duty officer and the rest
         * @description Each alert of báo động II/III, a flooded street or a forecast crossing gets CAP messages: an Alert, Updates when its level changes, an all-clear Update when it ends. Published ones are public at `/cap/feed.atom` and `/cap/<id>.xml`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only warnings in this state; default: all */
                    state?: "pending" | "published" | "rejected" | "superseded";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Warnings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            warnings: {
                                id: string;
                                alertId: string;
                                /** @enum {string} */
                                kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                                /** @enum {string} */
                                phase: "warning" | "all-clear" | "withdrawn";
                                alertSeverity: string;
                                forecastFor?: number;
                                /** @enum {string} */
                                state: "pending" | "published" | "rejected" | "superseded";
                                createdAt: number;
                                publishedAt: number | null;
                                decision: {
                                    by: string;
                                    at: number;
                                    note: string;
                                } | null;
                                message: {
                                    identifier: string;
                                    sender: string;
                                    sent: string | null;
                                    /** @enum {string} */
                                    status: "Actual" | "Exercise" | "System" | "Test" | "Draft";
                                    /** @enum {string} */
                                    msgType: "Alert" | "Update" | "Cancel" | "Ack" | "Error";
                                    /** @constant */
                                    scope: "Public";
                                    references: {
                                        sender: string;
                                        identifier: string;
                                        sent: string;
                                    }[];
                                    incidents: string;
                                    info: {
                                        language: string;
                                        category: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
                                        event: string;
                                        responseType: ("Shelter" | "Evacuate" | "Prepare" | "Execute" | "Avoid" | "Monitor" | "Assess" | "AllClear" | "None")[];
                                        /** @enum {string} */
                                        urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
                                        /** @enum {string} */
                                        severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
                                        /** @enum {string} */
                                        certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
                                        onset?: string;
                                        expires?: string;
                                        senderName: string;
                                        headline: string;
                                        description: string;
                                        instruction: string;
                                        area: {
                                            areaDesc: string;
                                            polygons: [
                                                number,
                                                number
                                            ][][];
                                            circles: {
                                                center: [
                                                    number,
                                                    number
                                                ];
                                                radiusKm: number;
                                            }[];
                                        }[];
                                    }[];
                                };
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How each alert kind’s warnings are published: at once (auto) or after approval
         * @description From the server’s CAP_AUTO_PUBLISH.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The setting per alert kind */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publishing: {
                                [key: string]: "auto" | "approve";
                            };
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a pending draft
         * @description Its CAP `sent` is the moment of approval. Needs alerts:act (duty officers, admins); written to the audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Warning id (its CAP identifier) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicWarning"];
                    };
                };
                /** @description A missing reason */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No warning of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The warning was decided already (who and when are named), or there is nothing to withdraw */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a pending draft, with a reason
         * @description It is never public; the next change of its alert proposes again. Needs alerts:act (duty officers, admins); written to the audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Warning id (its CAP identifier) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicWarning"];
                    };
                };
                /** @description A missing reason */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No warning of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The warning was decided already (who and when are named), or there is nothing to withdraw */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/warnings/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the published messages of this warning’s alert, with a reason
         * @description Publishes a CAP Cancel referencing every message of the alert; the reason is its description. Needs alerts:act (duty officers, admins); written to the audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Warning id (its CAP identifier) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description The Cancel, published */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicWarning"];
                    };
                };
                /** @description A missing reason */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No warning of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The warning was decided already (who and when are named), or there is nothing to withdraw */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Citizen reports, newest first, with suggested duplicates (500 m, 1 h) */
        get: {
            parameters: {
                query?: {
                    /** @description `open`: new and verified (the default); `all`; or one status */
                    status?: "open" | "all" | "new" | "verified" | "rejected" | "merged" | "resolved";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reports: {
                                code: string;
                                /** @enum {string} */
                                category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                                depthCm: number | null;
                                depthLevel: ("ankle" | "knee" | "waist") | null;
                                location: [
                                    number,
                                    number
                                ];
                                district: string;
                                description: string;
                                hasPhoto: boolean;
                                /** @default null */
                                via: string | null;
                                /** @enum {string} */
                                status: "new" | "verified" | "rejected" | "merged" | "resolved";
                                createdAt: number;
                                updatedAt: number;
                                answer: string | null;
                                answeredBy: string | null;
                                firstAnsweredAt: number | null;
                                verifiedAt: number | null;
                                verifiedBy: string | null;
                                stationId: string | null;
                                closedAt: number | null;
                                closedBy: string | null;
                                rejectReason: string | null;
                                mergedInto: string | null;
                            }[];
                            duplicates: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One citizen report, with its text and exact place */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report’s photo: a JPEG re-encoded without metadata */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The photo */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report, or it has no photo */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify (operators): a flood becomes the nearest flood sensor’s reading, source citizen:<code> */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The report after the action (audited) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The report’s status does not allow it (e.g. verifying a rejected report) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason (operators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The report after the action (audited) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The report’s status does not allow it (e.g. verifying a rejected report) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge into another open report of the same thing (operators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        into: string;
                    };
                };
            };
            responses: {
                /** @description The report after the action (audited) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The report’s status does not allow it (e.g. verifying a rejected report) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the citizen (duty officers): shown on the public status page */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description The report after the action (audited) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The report’s status does not allow it (e.g. verifying a rejected report) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-reports/{code}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close as resolved (duty officers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The report after the action (audited) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @enum {string} */
                            category: "flood" | "jam" | "traffic-light" | "fallen-tree";
                            depthCm: number | null;
                            depthLevel: ("ankle" | "knee" | "waist") | null;
                            location: [
                                number,
                                number
                            ];
                            district: string;
                            description: string;
                            hasPhoto: boolean;
                            /** @default null */
                            via: string | null;
                            /** @enum {string} */
                            status: "new" | "verified" | "rejected" | "merged" | "resolved";
                            createdAt: number;
                            updatedAt: number;
                            answer: string | null;
                            answeredBy: string | null;
                            firstAnsweredAt: number | null;
                            verifiedAt: number | null;
                            verifiedBy: string | null;
                            stationId: string | null;
                            closedAt: number | null;
                            closedBy: string | null;
                            rejectReason: string | null;
                            mergedInto: string | null;
                        };
                    };
                };
                /** @description A bad body */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such report */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The report’s status does not allow it (e.g. verifying a rejected report) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first, optionally searched in title and notes */
        get: {
            parameters: {
                query?: {
                    /** @description Words that title or notes must all contain */
                    q?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Incidents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                id: string;
                                title: string;
                                notes: string;
                                from: number;
                                to: number;
                                createdBy: string;
                                createdAt: number;
                                updatedAt: number;
                            }[];
                        };
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Bookmark a time range with a title and notes (analysts)
         * @description The web opens it in the replay at `/replay?incident=<id>`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        title: string;
                        /** @default  */
                        notes?: string;
                        from: number;
                        to: number;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description A missing title or a range whose from is not before to */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The incident */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an incident */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the title, notes or range of an incident */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Incident id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        title?: string;
                        notes?: string;
                        from?: number;
                        to?: number;
                    };
                };
            };
            responses: {
                /** @description The incident as changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description An invalid change */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description No incident of that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Observations and alerts of a range, streamed (analysts, admins)
         * @description NDJSON lines are observations as `POST /observations` takes them (so an export imports again), then the alerts raised in the range as `{"type":"alert", …Alert}`. CSV has one header and a `record` column.
         */
        get: {
            parameters: {
                query: {
                    /** @description Start, inclusive */
                    from: string;
                    /** @description End, exclusive */
                    to: string;
                    format?: "ndjson" | "csv";
                    /** @description Comma-separated: observations, alerts (raised in the range) */
                    include?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export, as an attachment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            /** @constant */
                            type: "traffic";
                            segmentId: string;
                            /** Format: date-time */
                            observedAt: string;
                            speedKph: number;
                            flowVph?: number;
                            occupancyPct?: number;
                            source: string;
                        } | {
                            /** @constant */
                            type: "water";
                            stationId: string;
                            /** Format: date-time */
                            observedAt: string;
                            value: number;
                            source: string;
                        };
                        "text/csv": string;
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
                            message: string;
                            issues?: {
                                line?: number;
                                index?: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Feed messages that could not be ingested, with the reason, newest first (admins)
         * @description MQTT messages that failed validation (bad JSON, unknown station, topic and payload disagreeing…). Each was acknowledged to the broker only once stored here.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Entries with a smaller id */
                    before?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dead letters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            topic: string;
                            payload: string;
                            payloadBytes: number;
                            reason: string;
                            receivedAt: number;
                        }[];
                    };
                };
                /** @description A bad query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Not signed in, or the token is unknown, expired or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The caller lacks the permission this route needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiError: {
            /** @enum {string} */
            code: "invalid_request" | "invalid_observations" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "unavailable" | "not_implemented" | "internal";
            message: string;
            issues?: {
                line?: number;
                index?: number;
                field: string;
                message: string;
            }[];
        };
        Alert: {
            id: string;
            key: string;
            /** @enum {string} */
            kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
            subject: {
                /** @enum {string} */
                type: "station" | "segment";
                id: string;
            };
            /** @enum {string} */
            severity: "warning" | "minor" | "major" | "critical";
            value: number;
            threshold: number;
            unit: string;
            message: {
                vi: string;
                en: string;
            };
            cause: {
                /** @enum {string} */
                severity: "warning" | "minor" | "major" | "critical";
                value: number;
                threshold: number;
                at: number;
            };
            peak: {
                /** @enum {string} */
                severity: "warning" | "minor" | "major" | "critical";
                value: number;
                threshold: number;
                at: number;
            };
            raisedAt: number;
            updatedAt: number;
            active: boolean;
            clearedAt: number | null;
            ack: {
                by: string;
                at: number;
                note: string;
            } | null;
            assignee: {
                to: string;
                by: string;
                at: number;
            } | null;
            resolution: {
                by: string;
                at: number;
                note: string;
                forced: boolean;
            } | null;
            silenced: boolean;
            escalatedAt: number | null;
            forecastFor?: number;
            leadMin?: number;
            /** @enum {string} */
            outcome?: "verified" | "missed";
        };
        OperationalIncident: {
            id: string;
            /** @enum {string} */
            status: "open" | "resolved";
            /** @enum {string} */
            severity: "warning" | "minor" | "major" | "critical";
            grouping: {
                /** @enum {string} */
                rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                district: string | null;
                corridor: string | null;
                withinM: number | null;
                spanM: number;
                cause: ("rain" | "tide" | "rain+tide") | null;
                driver: {
                    alertId: string;
                    stationId: string;
                    stationName: string;
                    /** @enum {string} */
                    severity: "warning" | "minor" | "major" | "critical";
                } | null;
            };
            members: {
                alertId: string;
                /** @enum {string} */
                kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                subject: {
                    /** @enum {string} */
                    type: "station" | "segment";
                    id: string;
                };
                location: [
                    number,
                    number
                ] | null;
                district: string;
                name: string;
                /** @enum {string} */
                severity: "warning" | "minor" | "major" | "critical";
                /** @enum {string} */
                peakSeverity: "warning" | "minor" | "major" | "critical";
                raisedAt: number;
                active: boolean;
                acked: boolean;
                resolved: boolean;
            }[];
            openedAt: number;
            updatedAt: number;
            quietSince: number | null;
            ack: {
                by: string;
                at: number;
                note: string;
            } | null;
            assignee: {
                to: string;
                by: string;
                at: number;
            } | null;
            resolution: {
                by: string;
                at: number;
                note: string;
            } | null;
            checklist: {
                procedureId: string;
                title: {
                    vi: string;
                    en: string;
                };
                steps: {
                    id: string;
                    text: {
                        vi: string;
                        en: string;
                    };
                    tick: {
                        by: string;
                        at: number;
                    } | null;
                }[];
            }[];
        };
        ShiftHandover: {
            id: string;
            from: number;
            to: number;
            createdBy: string;
            createdAt: number;
            note: string;
            open: {
                id: string;
                /** @enum {string} */
                status: "open" | "resolved";
                /** @enum {string} */
                severity: "warning" | "minor" | "major" | "critical";
                grouping: {
                    /** @enum {string} */
                    rule: "street-flood" | "gauge" | "congestion" | "sensor-silent" | "single";
                    district: string | null;
                    corridor: string | null;
                    withinM: number | null;
                    spanM: number;
                    cause: ("rain" | "tide" | "rain+tide") | null;
                    driver: {
                        alertId: string;
                        stationId: string;
                        stationName: string;
                        /** @enum {string} */
                        severity: "warning" | "minor" | "major" | "critical";
                    } | null;
                };
                members: {
                    alertId: string;
                    /** @enum {string} */
                    kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
                    subject: {
                        /** @enum {string} */
                        type: "station" | "segment";
                        id: string;
                    };
                    location: [
                        number,
                        number
                    ] | null;
                    district: string;
                    name: string;
                    /** @enum {string} */
                    severity: "warning" | "minor" | "major" | "critical";
                    /** @enum {string} */
                    peakSeverity: "warning" | "minor" | "major" | "critical";
                    raisedAt: number;
                    active: boolean;
                    acked: boolean;
                    resolved: boolean;
                }[];
                openedAt: number;
                updatedAt: number;
                quietSince: number | null;
                ack: {
                    by: string;
                    at: number;
                    note: string;
                } | null;
                assignee: {
                    to: string;
                    by: string;
                    at: number;
                } | null;
                resolution: {
                    by: string;
                    at: number;
                    note: string;
                } | null;
                checklist: {
                    procedureId: string;
                    title: {
                        vi: string;
                        en: string;
                    };
                    steps: {
                        id: string;
                        text: {
                            vi: string;
                            en: string;
                        };
                        tick: {
                            by: string;
                            at: number;
                        } | null;
                    }[];
                }[];
            }[];
            done: {
                incidentId: string;
                seq: number;
                /** @enum {string} */
                action: "opened" | "alert-joined" | "acknowledged" | "assigned" | "resolved" | "step-ticked" | "step-unticked" | "closed";
                at: number;
                by: string;
                origin: string;
                note: string;
                details: {
                    [key: string]: unknown;
                };
            }[];
        };
        PublicWarning: {
            id: string;
            alertId: string;
            /** @enum {string} */
            kind: "water-level" | "rate-of-rise" | "street-flood" | "congestion" | "sensor-silent" | "forecast-water-level" | "forecast-congestion";
            /** @enum {string} */
            phase: "warning" | "all-clear" | "withdrawn";
            alertSeverity: string;
            forecastFor?: number;
            /** @enum {string} */
            state: "pending" | "published" | "rejected" | "superseded";
            createdAt: number;
            publishedAt: number | null;
            decision: {
                by: string;
                at: number;
                note: string;
            } | null;
            message: {
                identifier: string;
                sender: string;
                sent: string | null;
                /** @enum {string} */
                status: "Actual" | "Exercise" | "System" | "Test" | "Draft";
                /** @enum {string} */
                msgType: "Alert" | "Update" | "Cancel" | "Ack" | "Error";
                /** @constant */
                scope: "Public";
                references: {
                    sender: string;
                    identifier: string;
                    sent: string;
                }[];
                incidents: string;
                info: {
                    language: string;
                    category: ("Geo" | "Met" | "Safety" | "Security" | "Rescue" | "Fire" | "Health" | "Env" | "Transport" | "Infra" | "CBRNE" | "Other")[];
                    event: string;
                    responseType: ("Shelter" | "Evacuate" | "Prepare" | "Execute" | "Avoid" | "Monitor" | "Assess" | "AllClear" | "None")[];
                    /** @enum {string} */
                    urgency: "Immediate" | "Expected" | "Future" | "Past" | "Unknown";
                    /** @enum {string} */
                    severity: "Extreme" | "Severe" | "Moderate" | "Minor" | "Unknown";
                    /** @enum {string} */
                    certainty: "Observed" | "Likely" | "Possible" | "Unlikely" | "Unknown";
                    onset?: string;
                    expires?: string;
                    senderName: string;
                    headline: string;
                    description: string;
                    instruction: string;
                    area: {
                        areaDesc: string;
                        polygons: [
                            number,
                            number
                        ][][];
                        circles: {
                            center: [
                                number,
                                number
                            ];
                            radiusKm: number;
                        }[];
                    }[];
                }[];
            };
        };
        Incident: {
            id: string;
            title: string;
            notes: string;
            from: number;
            to: number;
            createdBy: string;
            createdAt: number;
            updatedAt: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
