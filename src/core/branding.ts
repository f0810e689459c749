import { z } from 'zod'
import { AA_CONTRAST, contrastRatio } from './colour'
import { IdSchema } from './course/ids'

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as #rrggbb')
const Text = (max: number) => z.string().trim().min(1).max(max)

/**
 * A council's branding for a course: written by council staff as a small YAML or JSON file, applied
 * when a course is exported (and by the app). Paths are relative to the overlay file.
 */
export const BrandingOverlaySchema = z
  .object({
    organisation: Text(120).describe('The council or organisation, shown with its logo.'),
    logo: z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\.(png|jpg|jpeg|svg|webp)$/, 'must be a PNG, JPEG, SVG or WebP file beside the overlay, named with letters, digits, ".", "_" or "-"').optional(),
    logoAlt: Text(200).optional().describe('What the logo shows, for screen readers; defaults to the organisation name.'),
    colours: z
      .object({
        text: Colour.describe('Body text.'),
        background: Colour.describe('Page background.'),
        accent: Colour.describe('Buttons, links and the header band.'),
        accentText: Colour.describe('Text on the accent colour.'),
      })
      .strict()
      .optional(),
    welcome: Text(2000)
      .optional()
      .describe('A short welcome shown on the library and course screens: plain text, with a blank line between paragraphs (no Markdown, so it shows the same in the app and in every LMS).'),
    contact: Text(300).optional().describe('Who to ask for help, e.g. "Member services, 01234 567890".'),
    policyPage: z
      .object({ title: Text(120), markdown: Text(20_000) })
      .strict()
      .optional()
      .describe('An extra page with local policy, added as a module of its own: last, or just before the course’s final assessment where the course names one. Not added to examples for course authors.'),
    hideModules: z.array(IdSchema).default([]).describe('Module ids left out, in the app and in exports; an id no course has is warned about.'),
    signingKey: z
      .string()
      .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\.pem$/, 'must be a .pem file beside the overlay, named with letters, digits, ".", "_" or "-"')
      .optional()
      .describe(
        'The council’s Ed25519 private key (PKCS#8 PEM, made by `civic-learn keygen`), for a trainer’s laptop: certificates and learner records made with this overlay are signed, and `civic-learn verify` checks them against the public key. Never put it in a package or on a shared drive.',
      ),
  })
  .strict()
export type BrandingOverlay = z.infer<typeof BrandingOverlaySchema>
/** The colour pairs a learner reads, each failing one named with its ratio. */
export function contrastProblems(colours: NonNullable<BrandingOverlay['colours']>): string[] {
  const pairs: [keyof typeof colours, keyof typeof colours][] = [
    ['text', 'background'],
    ['accentText', 'accent'],
    ['accent', 'background'],
  ]
  return pairs.flatMap(([foreground, background]) => {
    const ratio = contrastRatio(colours[foreground], colours[background])
    return ratio >= AA_CONTRAST
      ? []
      : [`colours.${foreground} (${colours[foreground]}) on colours.${background} (${colours[background]}) has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs at least ${AA_CONTRAST}:1.`]
  })
}

/** What the player is given: the overlay with the logo's path inside the package. */
export type PackageBranding = Omit<BrandingOverlay, 'hideModules' | 'policyPage' | 'signingKey'>

/** What an overlay shows (in the app and in packages): never the modules it hides, its policy page (a module of its own) or its signing key. */
export function shownBranding(overlay: BrandingOverlay): PackageBranding {
  const { hideModules: _hidden, policyPage: _policy, signingKey: _key, ...shown } = overlay
  return shown
}
