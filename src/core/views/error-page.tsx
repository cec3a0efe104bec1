import { useCtx } from "./ctx.ts";

/** The page shown for errors and denials, in the visitor's language, never with a stack trace. */
export function ErrorPage({ status, message }: { status: number; message: string }) {
  const { t, tambon } = useCtx();
  return (
    <section class="error-page">
      <h1>{message}</h1>
      <p class="muted">HTTP {status}</p>
      <p>
        <a href={tambon ? `/t/${tambon.slug}` : "/"}>{t("error.back")}</a>
      </p>
    </section>
  );
}
