import type { Config } from "./config.ts";

/** One plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** What sends e-mail (nodemailer's transport, narrowed to what the platform uses). */
export interface Mailer {
  sendMail(message: MailMessage): Promise<unknown>;
}

/**
 * The platform's one mailer, from the validated configuration: SMTP_URL's server with SMTP_FROM
 * as the sender, or null when no SMTP_URL is set (notices then stay in the app). nodemailer is
 * loaded only when e-mail is configured.
 */
export async function mailerFor(
  config: Pick<Config, "smtpUrl" | "smtpFrom">,
): Promise<Mailer | null> {
  if (!config.smtpUrl) return null;
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(config.smtpUrl);
  return { sendMail: (m) => transport.sendMail({ from: config.smtpFrom, ...m }) };
}
