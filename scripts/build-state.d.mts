/** File in dist/ whose modification time is when its build started. */
export declare const BUILD_STAMP: string;
/** Null when dist/ is built from the current sources, else why it is not. */
export declare function buildProblem(root: string): "missing" | "stale" | null;
