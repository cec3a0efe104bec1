import type { TambonModule } from "../core/modules.ts";
import { siteModule } from "./site/module.ts";
import { areasModule } from "./areas/module.ts";
import { decisionsModule } from "./decisions/module.ts";
import { groupsModule } from "./groups/module.ts";
import { networkModule } from "./network/module.ts";
import { charterModule } from "./charter/module.ts";
import { plansModule } from "./plans/module.ts";
import { communityModule } from "./community/module.ts";

/** The modules of this build, in menu order. */
export const modules: TambonModule[] = [
  siteModule,
  areasModule,
  decisionsModule,
  groupsModule,
  networkModule,
  charterModule,
  plansModule,
  communityModule,
];
