package io.mlconnector.syspro.bo;

/**
 * An input document of a SYSPRO business object ({@code XmlIn}), bound with JAXB. Its root element
 * is also the root of the object's {@code XmlParameters} (see {@link PostingOptions}).
 */
public interface BusinessObjectDocument {

  /** The six-character business object ({@code ARSTPY}). */
  String businessObject();

  /** The root element name of the document and of its parameters ({@code PostArPayment}). */
  String rootElement();
}
