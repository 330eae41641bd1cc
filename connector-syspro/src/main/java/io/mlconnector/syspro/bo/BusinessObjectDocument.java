package io.mlconnector.syspro.bo;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * An input document of a SYSPRO business object ({@code XmlIn}), bound with JAXB. Its root element
 * is also the root of the object's {@code XmlParameters} (see {@link PostingOptions}).
 */
public interface BusinessObjectDocument {

  /**
   * The six-character business object ({@code ARSTPY}).
   *
   * @return the business object's code, upper case
   */
  String businessObject();

  /**
   * The root element name of the document and of its parameters ({@code PostArPayment}): by
   * default the name of the class's {@link XmlRootElement}.
   *
   * @throws IllegalStateException when the class has no {@link XmlRootElement} and does not
   *     override this method
   * @return the element name, for example {@code PostArPayment}
   */
  default String rootElement() {
    XmlRootElement root = getClass().getAnnotation(XmlRootElement.class);
    if (root == null) {
      throw new IllegalStateException(
          getClass().getName() + " has no @XmlRootElement: override rootElement()");
    }
    return root.name();
  }
}
