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

export type MessageId =
  | 'WMO301' | 'WMO302' | 'WMO305' | 'WMO306' | 'WMO307' | 'WMO308'
  | 'WMO315' | 'WMO316' | 'WMO317' | 'WMO318' | 'WMO319' | 'WMO320'
  | 'WMO323' | 'WMO325';

export interface MessageDescriptor {
  readonly id: MessageId;
  readonly berichtCode: string;
  readonly namespace: string;
  /** Conventional prefix (`wmo301`). */
  readonly prefix: string;
  readonly release: string;
  readonly berichtXsdVersie: string;
  readonly basisschemaXsdVersie: string;
  /** The root element `Bericht`. */
  readonly root: ElementDescriptor;
  readonly documentation?: string;
}

export interface StandardDescriptor {
  readonly standaard: string;
  readonly release: string;
  readonly basisNamespace: string;
  readonly basisPrefix: string;
  readonly simpleTypes: Readonly<Record<string, SimpleTypeDescriptor>>;
  readonly complexTypes: Readonly<Record<string, ComplexTypeDescriptor>>;
  readonly messages: Readonly<Record<MessageId, MessageDescriptor>>;
}
