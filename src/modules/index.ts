import type { TambonModule } from "../core/modules.ts";
import { areasModule } from "./areas/module.ts";
import { decisionsModule } from "./decisions/module.ts";

/** The modules of this build, in menu order. */
export const modules: TambonModule[] = [areasModule, decisionsModule];
