import { defineMessages } from "../i18n/index.ts";

/** UI strings of the installable site (the offline page). */
export const pwaMsg = defineMessages("pwa", {
  "offline.title": { th: "ไม่มีการเชื่อมต่ออินเทอร์เน็ต", en: "You are offline" },
  "offline.body": {
    th: "เครื่องของคุณไม่ได้เชื่อมต่ออินเทอร์เน็ตในขณะนี้ หน้าที่ขอจึงยังเปิดไม่ได้ เมื่อกลับมาออนไลน์แล้วให้ลองใหม่อีกครั้ง",
    en: "Your device is not connected to the internet right now, so the page you asked for cannot open. Try again once you are back online.",
  },
  "offline.retry": { th: "ลองใหม่", en: "Try again" },
  "offline.home": { th: "หน้าแรกของตำบล", en: "The tambon's home page" },
});
