package org.dialoog.feedback.service;

/** The header a respondent token travels in when a form is read: never the query string, which access logs keep. */
public final class FormHeaders {

    public static final String RESPONDENT_TOKEN = "Respondent-Token";

    private FormHeaders() {}
}
