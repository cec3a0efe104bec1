/** Builds src/ into dist/; returns the number of compiled files. */
export declare function build(): Promise<number>;
