import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { siteName } from "@/lib/site";

// Outgoing email, when the newsroom configures it: SMTP_URL (smtp://user:pass@host:587, or
// smtps:// for TLS from the start) and MAIL_FROM. Without them Byline sends nothing and says so;
// whatever it would have mailed is shown to the person who asked instead.

export type MailOutcome = { sent: true } | { sent: false; reason: string };

let transport: { url: string; transporter: Transporter } | null = null;

export function mailConfigured(): boolean {
  return !!process.env.SMTP_URL;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<MailOutcome> {
  const url = process.env.SMTP_URL;
  if (!url) return { sent: false, reason: "email is not configured (SMTP_URL)" };
  if (transport?.url !== url) {
    // A mail server that does not answer must not hold the admin's request for minutes.
    const options = { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
    transport = { url, transporter: nodemailer.createTransport(options) };
  }
  try {
    await transport.transporter.sendMail({ from: process.env.MAIL_FROM || `${siteName} <no-reply@localhost>`, ...message });
    return { sent: true };
  } catch (error) {
    console.error("[byline] email to %s failed: %s", message.to, (error as Error).message);
    return { sent: false, reason: (error as Error).message };
  }
}
