import type { TambonModule } from "../core/modules.ts";
import { areasModule } from "./areas/module.ts";

/** The modules of this build, in menu order. */
export const modules: TambonModule[] = [areasModule];
