/**
 * The shape of the generated descriptors: how the XSDs are held as data.
 * The descriptors themselves are written by `npm run codegen` from the
 * official XSDs into `./generated/`; nothing about a message is written by hand.
 */

export type BuiltinType = 'string' | 'integer' | 'date' | 'time';

export interface EnumValue {
  readonly value: string;
  /** Meaning of the code as documented in the XSD (Dutch). */
  readonly meaning?: string;
}

export interface SimpleTypeDescriptor {
  /** `LDT_Bedrag`, or `WMO301/Header/BerichtCode` for an anonymous restriction. */
  readonly name: string;
  readonly builtin: BuiltinType;
  /** One list per derivation step; patterns within a step are alternatives, steps all apply. */
  readonly patterns: readonly (readonly string[])[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minInclusive?: number;
  readonly maxInclusive?: number;
  readonly enumeration?: readonly EnumValue[];
  /** Code list id of the standard (WJ756, COD046, ...) where the type is a code list. */
  readonly codelist?: string;
  readonly documentation?: string;
}

export type NamespaceSide = 'message' | 'basis';

export interface ElementDescriptor {
  /** Element name as in the XSD (`ToewijzingNummer`). */
  readonly name: string;
  /** Property name in the typed model (`toewijzingNummer`). */
  readonly prop: string;
  /** Which namespace the element lives in: the message's own or the basisschema. */
  readonly ns: NamespaceSide;
  readonly minOccurs: number;
  readonly maxOccurs: number | 'unbounded';
  /** Name of the simple type (key in `simpleTypes`) for a leaf element. */
  readonly simpleType?: string;
  /** Name of the complex type (key in `complexTypes`) for a structured element. */
  readonly complexType?: string;
  readonly documentation?: string;
}

export interface ComplexTypeDescriptor {
  /** `CDT_Adres` for basisschema types, `WMO301/Client` for message types. */
  readonly name: string;
  readonly children: readonly ElementDescriptor[];
  /**
   * True when the type only wraps one repeated child (`Relaties` → `Relatie[]`).
   * The typed model then holds the wrapper as an array of that child.
   */
  readonly wrapper: boolean;
  readonly documentation?: string;
}

/** The standards the engine reads: iWmo 3.2 (Wmo) and its twin iJw 3.2 (Jeugdwet). */
export type StandardId = 'iwmo-3.2' | 'ijw-3.2';

/** The message numbers both standards share; WMO301 and JW301 are twins. */
export type BerichtNummer = '301' | '302' | '305' | '306' | '307' | '308' | '315' | '316' | '317' | '318' | '319' | '320' | '323' | '325';

export type WmoMessageId = `WMO${BerichtNummer}`;
export type JwMessageId = `JW${BerichtNummer}`;
export type MessageId = WmoMessageId | JwMessageId;

export interface MessageDescriptor {
  readonly id: MessageId;
  /** The standard the message belongs to. */
  readonly standard: StandardId;
  readonly berichtCode: string;
  readonly namespace: string;
  /** Conventional prefix (`wmo301`, `jw301`). */
  readonly prefix: string;
  readonly release: string;
  readonly berichtXsdVersie: string;
  readonly basisschemaXsdVersie: string;
  /** The root element `Bericht`. */
  readonly root: ElementDescriptor;
  readonly documentation?: string;
}

/**
 * One standard's descriptors. `Id` names the messages it certainly has
 * (`StandardDescriptor<WmoMessageId>`); without it, any message may be absent.
 */
export interface StandardDescriptor<Id extends MessageId = never> {
  readonly id: StandardId;
  /** `iwmo` or `ijw`, as the XSDs' appinfo and the namespaces say. */
  readonly standaard: string;
  readonly release: string;
  readonly basisNamespace: string;
  readonly basisPrefix: string;
  readonly simpleTypes: Readonly<Record<string, SimpleTypeDescriptor>>;
  readonly complexTypes: Readonly<Record<string, ComplexTypeDescriptor>>;
  readonly messages: Readonly<Record<Id, MessageDescriptor>> & Readonly<Partial<Record<MessageId, MessageDescriptor>>>;
}
