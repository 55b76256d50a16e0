import { useState } from 'react';

export interface SolutionLogoProps {
  title: string;
  /** The solution's `image` custom field. */
  image: string | undefined;
}

// Only what an <img> can show; anything else (a typo, a relative path Tray cannot mean) gets initials.
const SHOWABLE = /^(https?:\/\/|data:image\/)/i;

/** The first letters of the title's first two words: "Slack alerts" → "SA". */
export const initialsOf = (title: string) =>
  title
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');

/**
 * A catalog card's logo: the solution's `image`, with its title as the text alternative; its
 * initials when it has none or the image fails to load.
 */
export function SolutionLogo({ title, image }: SolutionLogoProps) {
  const [failed, setFailed] = useState<string | null>(null);
  if (image && SHOWABLE.test(image) && failed !== image) {
    return <img className="rte-card__logo" src={image} alt={title} width={40} height={40} onError={() => setFailed(image)} />;
  }
  return (
    <span className="rte-card__logo rte-card__logo--initials" role="img" aria-label={title}>
      {initialsOf(title)}
    </span>
  );
}
