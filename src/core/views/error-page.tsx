import { useCtx } from "./ctx.ts";

/**
 * The page shown for errors and denials, in the visitor's language, never with a stack trace: the
 * message as the heading, or a short heading with the message below it; a link back to the page
 * the visitor came from when there is one to go back to, else to the tambon's home.
 */
export function ErrorPage({
  status,
  message,
  title,
  back,
}: {
  status: number;
  message: string;
  title?: string;
  back?: string;
}) {
  const { t, tambon } = useCtx();
  return (
    <section class="error-page">
      <h1>{title ?? message}</h1>
      {title && <p>{message}</p>}
      <p class="muted">HTTP {status}</p>
      <p>
        {back ? (
          <a href={back}>{t("error.backToPage")}</a>
        ) : (
          <a href={tambon ? `/t/${tambon.slug}` : "/"}>{t("error.back")}</a>
        )}
      </p>
    </section>
  );
}
