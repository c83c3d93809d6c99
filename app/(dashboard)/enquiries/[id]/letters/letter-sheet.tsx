import { chineseDay } from "@/server/rules/calendar-day";
import type { LetterContent } from "@/server/rules/letter";
import "./letters.css";

// The letter as the member reads it: the same markup for the preview and for a stored letter.
// `number` is null in a preview (the number is given when the letter is issued).
export function LetterSheet({
  content,
  number,
  issuedOn,
}: {
  content: LetterContent;
  number: string | null;
  issuedOn: string;
}) {
  return (
    <article className="notice-sheet" aria-label="告知书" data-draft={content.draft}>
      <h2>{content.issuer}</h2>
      <h3 style={{ textAlign: "center", fontSize: 18 }}>{content.title}</h3>
      <p className="notice-meta">编号：{number ?? "出具时生成"}</p>
      <p>{content.salutation}</p>
      <p>{content.opening}</p>
      <dl>
        {content.facts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {content.sections.map((section) => (
        <section key={section.heading}>
          <h3>{section.heading}</h3>
          {section.paragraphs.map((paragraph, index) => (
            // Paragraphs are fixed once rendered; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: the stored order never changes
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ))}
      <p>{content.contact}</p>
      <div className="notice-signature">
        <p>经办人：{content.caseworkerName}</p>
        <p>{content.sealLine}</p>
        <p>{chineseDay(issuedOn)}</p>
      </div>
      <p className="notice-footer">{content.footer}</p>
    </article>
  );
}
